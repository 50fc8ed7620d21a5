import { getLocale, getTranslations } from "next-intl/server";
import { CheckCircle2, XCircle } from "lucide-react";
import { formatRupiah, formatWibDate } from "@/lib/format";
import { BrandHeader } from "../../_components/brand";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom } from "../../_lib/metadata";

export const generateMetadata = titleFrom("receipts", "checkTitle");

// The public check a receipt's QR code opens: no sign-in; just enough to verify — merchant,
// amount, date, "valid" — and the same "not valid" for a forged code and an unknown one.
export default async function ReceiptCheckPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [t, locale, trpc] = await Promise.all([getTranslations("receipts"), getLocale(), serverTrpc()]);
  const check = await trpc.receipts.verify({ code: decodeURIComponent(code).slice(0, 200) }).catch(() => ({ valid: false as const }));
  return (
    <div className="flex min-h-screen flex-col">
      <BrandHeader />
      <main className="mx-auto w-full max-w-md flex-1 px-4 pb-10">
        <h1 className="mb-4 text-xl font-semibold">{t("checkTitle")}</h1>
        {check.valid ? (
          <section className="rounded-lg border border-emerald-200 bg-white p-5 shadow-sm" data-testid="receipt-check-valid">
            <p className="flex items-center gap-2 text-lg font-semibold text-emerald-700">
              <CheckCircle2 aria-hidden className="h-6 w-6" />
              {t("validTitle")}
            </p>
            <p className="mt-1 text-sm text-slate-600">{t("validBody")}</p>
            <dl className="mt-4 divide-y divide-slate-100 text-sm">
              <div className="flex justify-between gap-4 py-2">
                <dt className="text-slate-600">{t("merchant")}</dt>
                <dd className="text-right font-medium">{check.merchantName}</dd>
              </div>
              <div className="flex justify-between gap-4 py-2">
                <dt className="text-slate-600">{t("amount")}</dt>
                <dd className="tabular text-right font-medium" data-testid="receipt-check-amount">{formatRupiah(check.amount)}</dd>
              </div>
              <div className="flex justify-between gap-4 py-2">
                <dt className="text-slate-600">{t("date")}</dt>
                <dd className="text-right font-medium">{formatWibDate(check.completedAt, locale)}</dd>
              </div>
              <div className="flex justify-between gap-4 py-2">
                <dt className="text-slate-600">{t("checkStatus")}</dt>
                <dd className="text-right font-semibold text-emerald-700" data-testid="receipt-check-status">{t("valid")}</dd>
              </div>
            </dl>
          </section>
        ) : (
          <section className="rounded-lg border border-rose-200 bg-white p-5 shadow-sm" data-testid="receipt-check-invalid">
            <p className="flex items-center gap-2 text-lg font-semibold text-rose-700">
              <XCircle aria-hidden className="h-6 w-6" />
              {t("invalidTitle")}
            </p>
            <p className="mt-1 text-sm text-slate-600">{t("invalidBody")}</p>
          </section>
        )}
      </main>
    </div>
  );
}
