"use client";
// "Refresh from supplier": pulls the supplier's price list (IAK) into the catalogue — supplier
// prices and statuses recorded, new products added, sell prices kept — and says what it found,
// above all the products that now cost more at the supplier than Saldo sells them for.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { formatRupiah } from "@/lib/format";
import { Button } from "../../_components/button";
import { FormError } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export function RefreshPricelistButton() {
  const t = useTranslations("adminProducts.refresh");
  const trpc = useTRPC();
  const refresh = useMutation(trpc.productCatalogue.refreshFromSupplier.mutationOptions());
  const { run, pending, error, notice } = useAction({ fallback: { generic: t("failed"), validation: t("failed") } });
  const below = refresh.data?.supported ? refresh.data.belowCost : [];

  return (
    <div className="flex max-w-md flex-col items-end gap-1 text-right">
      <Button
        variant="secondary"
        onClick={() =>
          void run(() => refresh.mutateAsync(), {
            done: (r) =>
              r.supported
                ? t("done", { listed: r.listed, created: r.created, updated: r.updated, unlisted: r.unlisted, belowCost: r.belowCostCount })
                : t("unsupported", { supplier: r.supplier }),
          })
        }
        disabled={pending}
        aria-describedby="refresh-pricelist-status"
      >
        {pending ? t("running") : t("button")}
      </Button>
      <div id="refresh-pricelist-status">
        <FormError message={error} compact />
        {notice && (
          <p role="status" className="text-xs text-slate-600">
            {notice}
          </p>
        )}
        {below.length > 0 && (
          <ul aria-label={t("belowCostTitle")} className="mt-1 text-xs text-amber-800">
            {below.map((b) => (
              <li key={b.code}>{t("belowCostItem", { code: b.code, price: formatRupiah(b.price), supplierPrice: formatRupiah(b.supplierPrice) })}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
