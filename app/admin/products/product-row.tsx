"use client";
// One product in the admin's editor: its selling price and whether it is on sale.
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { trpcErrorText } from "@/app/_lib/error-message";
import { useTRPC } from "../../_trpc/client";

export type AdminProduct = { code: string; name: string; operatorName: string; typeLabel: string; price: string; active: boolean };

export function ProductRow({ product }: { product: AdminProduct }) {
  const t = useTranslations("adminProducts");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const update = useMutation(trpc.adminProducts.update.mutationOptions());
  const [price, setPrice] = useState(product.price);
  const [active, setActive] = useState(product.active);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const dirty = price !== product.price || active !== product.active;

  async function save() {
    setMessage(null);
    if (!/^\d{1,13}$/.test(price.trim()) || BigInt(price.trim()) <= 0n) return setMessage({ tone: "error", text: t("priceInvalid") });
    try {
      await update.mutateAsync({
        code: product.code,
        ...(price !== product.price ? { price: BigInt(price.trim()) } : {}),
        ...(active !== product.active ? { active } : {}),
      });
      setMessage({ tone: "ok", text: t("saved") });
      router.refresh();
    } catch (e) {
      setMessage({ tone: "error", text: trpcErrorText(e, locale, { generic: t("errors.generic"), validation: t("errors.validation") }) });
    }
  }

  return (
    <tr data-testid="admin-product-row" data-code={product.code} className={product.active ? "" : "bg-slate-50 text-slate-500"}>
      <td className="px-4 py-2 font-mono text-xs">{product.code}</td>
      <td className="px-4 py-2">{product.name}</td>
      <td className="px-4 py-2">{product.operatorName}</td>
      <td className="px-4 py-2">{product.typeLabel}</td>
      <td className="px-4 py-2 text-right">
        <label htmlFor={`price-${product.code}`} className="sr-only">{t("priceLabel", { code: product.code })}</label>
        <input
          id={`price-${product.code}`}
          inputMode="numeric"
          value={price}
          onChange={(e) => setPrice(e.target.value.replace(/[^\d]/g, ""))}
          className="tabular w-28 rounded-md border border-slate-300 px-2 py-1 text-right text-sm"
        />
      </td>
      <td className="px-4 py-2 text-center">
        <input
          id={`active-${product.code}`}
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          aria-label={t("activeLabel", { code: product.code })}
          className="h-4 w-4"
        />
      </td>
      <td className="whitespace-nowrap px-4 py-2">
        <button
          type="button"
          onClick={() => void save()}
          disabled={!dirty || update.isPending}
          className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
        >
          {update.isPending ? t("saving") : t("save")}
        </button>
        {message && (
          <span role={message.tone === "error" ? "alert" : "status"} className={`ml-2 text-xs ${message.tone === "error" ? "text-rose-700" : "text-emerald-700"}`}>
            {message.text}
          </span>
        )}
      </td>
    </tr>
  );
}
