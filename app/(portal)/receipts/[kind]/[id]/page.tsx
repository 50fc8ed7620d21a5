import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { QRCodeSVG } from "qrcode.react";
import { TRPCError } from "@trpc/server";
import { formatRupiah, formatWib } from "@/lib/format";
import { buttonClass } from "../../../../_components/button";
import { requireMerchant } from "../../../../_lib/session";
import { serverTrpc } from "../../../../_trpc/server";
import { titleFrom } from "../../../../_lib/metadata";
import { PrintButton } from "./print-button";

export const generateMetadata = titleFrom("receipts");

const KINDS = ["deposit", "withdrawal", "prepaid"] as const;

// Printed, only the receipt shows: the portal's navigation, top bar and buttons are hidden.
const PRINT_CSS = `
@media print {
  @page { size: A5; margin: 12mm; }
  body * { visibility: hidden !important; }
  #receipt, #receipt * { visibility: visible !important; }
  #receipt { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0 !important; box-shadow: none !important; }
  .receipt-actions { display: none !important; }
}`;

export default async function ReceiptPage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  await requireMerchant();
  const { kind, id } = await params;
  if (!(KINDS as readonly string[]).includes(kind)) notFound();
  const [t, locale, trpc] = await Promise.all([getTranslations("receipts"), getLocale(), serverTrpc()]);
  const receipt = await trpc.receipts.get({ kind: kind as (typeof KINDS)[number], id: id.slice(0, 64) }).catch((error: unknown) => {
    // Another merchant's receipt, an unfinished record, or none: the same 404.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  const rows: [string, string, string?][] = [
    [t("merchant"), receipt.merchantName],
    [t("method"), receipt.method],
    [t("amount"), formatRupiah(receipt.amount), "receipt-amount"],
    [t("fee"), formatRupiah(receipt.fee)],
    [t("total"), formatRupiah(receipt.total), "receipt-total"],
    ...receipt.references.map((r): [string, string] => [t(`references.${r.label}`), r.value]),
    [t("created"), formatWib(receipt.createdAt, locale)],
    [t("completed"), formatWib(receipt.completedAt, locale)],
  ];

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="receipt-actions mb-4 flex flex-wrap items-center justify-end gap-2">
        <PrintButton />
        <a href={`/api/receipts/${receipt.kind}/${encodeURIComponent(receipt.id)}/pdf`} className={buttonClass("primary")} download>
          {t("downloadPdf")}
        </a>
      </div>
      <article id="receipt" className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="receipt">
        <header className="mb-4 flex items-start justify-between gap-4">
          <div>
            <p className="text-lg font-bold text-brand-700">Saldo</p>
            <h1 className="text-xl font-semibold">{t(`kinds.${receipt.kind}`)}</h1>
            <p className="mt-1 inline-flex rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-inset ring-emerald-600/20">{t("status")}</p>
          </div>
        </header>
        <dl className="divide-y divide-slate-100 text-sm">
          {rows.map(([label, value, testId]) => (
            <div key={label} className="flex justify-between gap-4 py-2">
              <dt className="text-slate-600">{label}</dt>
              <dd className="tabular break-all text-right font-medium" data-testid={testId}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <footer className="mt-6 flex items-center gap-4">
          <QRCodeSVG value={receipt.verifyUrl} size={112} level="M" role="img" aria-label={t("qrLabel")} data-testid="receipt-qr" />
          <div className="text-xs text-slate-600">
            <p>{t("verify")}</p>
            <a href={receipt.verifyUrl} className="mt-1 block break-all font-mono text-brand-700 hover:underline" data-testid="receipt-verify-link">
              {receipt.verifyUrl}
            </a>
          </div>
        </footer>
      </article>
    </>
  );
}
