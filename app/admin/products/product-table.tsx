"use client";
// The admin's product editor: each row's selling price and whether it is on sale, saved per row.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "../../_components/button";
import { DataTable, type DataTablePagination } from "../../_components/data-table";
import { FormError } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export type AdminProduct = { code: string; name: string; operatorName: string; typeLabel: string; price: string; active: boolean };
type Draft = { price: string; active: boolean };

// Edits are kept per product *version*: once the server's price or flag changes, the row starts over from it.
const versionOf = (p: AdminProduct) => `${p.code}:${p.price}:${p.active}`;

export function ProductTable({ products, caption, empty, pagination }: { products: AdminProduct[]; caption: string; empty: string; pagination: DataTablePagination }) {
  const t = useTranslations("adminProducts");
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const draftOf = (p: AdminProduct): Draft => drafts[versionOf(p)] ?? { price: p.price, active: p.active };
  const edit = (p: AdminProduct, change: Partial<Draft>) => setDrafts((all) => ({ ...all, [versionOf(p)]: { ...draftOf(p), ...change } }));

  return (
    <DataTable
      caption={caption}
      rowTestId="admin-product-row"
      items={products}
      rowKey={(p) => p.code}
      rowData={(p) => ({ code: p.code })}
      rowClass={(p) => p.active ? undefined : "bg-slate-50 text-slate-500"}
      columns={[
        { id: "code", header: t("columns.code"), kind: "mono", cell: (p) => p.code },
        { id: "name", header: t("columns.product"), cell: (p) => p.name },
        { id: "operator", header: t("columns.operator"), cell: (p) => p.operatorName },
        { id: "type", header: t("columns.type"), cell: (p) => p.typeLabel },
        { id: "price", header: t("columns.price"), kind: "money", cell: (p) => (
          <>
            <label htmlFor={`price-${p.code}`} className="sr-only">
              {t("priceLabel", { code: p.code })}
            </label>
            <input
              id={`price-${p.code}`}
              inputMode="numeric"
              value={draftOf(p).price}
              onChange={(e) => edit(p, { price: e.target.value.replace(/[^\d]/g, "") })}
              className="tabular w-28 rounded-md border border-slate-300 px-2 py-1 text-right text-sm"
            />
          </>
        ) },
        { id: "active", header: t("columns.active"), kind: "center", cell: (p) => (
          <input
            id={`active-${p.code}`}
            type="checkbox"
            checked={draftOf(p).active}
            onChange={(e) => edit(p, { active: e.target.checked })}
            aria-label={t("activeLabel", { code: p.code })}
            className="h-4 w-4"
          />
        ) },
        { id: "actions", header: t("columns.actions"), className: "whitespace-nowrap", cell: (p) => <SaveProduct product={p} draft={draftOf(p)} /> },
      ]}
      empty={{ title: empty }}
      pagination={pagination}
    />
  );
}

function SaveProduct({ product, draft }: { product: AdminProduct; draft: Draft }) {
  const t = useTranslations("adminProducts");
  const trpc = useTRPC();
  const update = useMutation(trpc.productCatalogue.update.mutationOptions());
  const { run, pending, error, setError, notice } = useAction({ fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });
  const price = draft.price.trim();
  const dirty = price !== product.price || draft.active !== product.active;

  function save() {
    if (!/^\d{1,13}$/.test(price) || BigInt(price) <= 0n) return setError(t("priceInvalid"));
    void run(
      () =>
        update.mutateAsync({
          code: product.code,
          ...(price !== product.price ? { price: BigInt(price) } : {}),
          ...(draft.active !== product.active ? { active: draft.active } : {}),
        }),
      { done: t("saved") },
    );
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={save} disabled={!dirty || pending} className={buttonClass("secondary", "md", "py-1")}>
        {pending ? t("saving") : t("save")}
      </button>
      <FormError message={error} compact />
      {notice && (
        <span role="status" className="text-xs text-emerald-700">
          {notice}
        </span>
      )}
    </span>
  );
}
