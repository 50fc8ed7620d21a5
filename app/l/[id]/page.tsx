import { CheckCircle2, Clock3, XCircle } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatRupiah, formatWib } from "@/lib/format";
import { env } from "@/server/env";
import { BrandHeader } from "../../_components/brand";
import { PaymentPanel } from "../../_components/payment/payment-panel";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom, type SearchParams } from "../../_lib/metadata";
import { PayLinkForm } from "./pay-link-form";

export const generateMetadata = titleFrom("payLink");

const CLOSED = {
  completed: { icon: CheckCircle2, tone: "bg-emerald-50 text-emerald-800" },
  inactive: { icon: XCircle, tone: "bg-slate-100 text-slate-700" },
  expired: { icon: Clock3, tone: "bg-slate-100 text-slate-700" },
} as const;

// The payer's page for a payment link: no sign-in; the unguessable link id is the key. After the
// payer chose a method, `?payment=<deposit id>` shows that payment with its live status.
export default async function PayLinkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const query = await searchParams;
  const [t, locale, trpc] = await Promise.all([getTranslations("payLink"), getLocale(), serverTrpc()]);
  const link = await trpc.paymentLinks.forPayer({ id: id.slice(0, 64) }).catch(() => notFound());
  const paymentId = typeof query.payment === "string" ? query.payment.slice(0, 64) : null;
  const payment = paymentId ? await trpc.paymentLinks.payment({ id: link.id, paymentId }).catch(() => null) : null;
  const closed = link.status === "active" ? null : CLOSED[link.status];
  const amountText = link.amount ? formatRupiah(BigInt(link.amount)) : t("amountRange", { min: formatRupiah(BigInt(link.minAmount ?? "0")), max: formatRupiah(BigInt(link.maxAmount ?? "0")) });

  return (
    <div className="flex min-h-screen flex-col">
      <BrandHeader />
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col gap-4 px-4 pb-10">
        <section aria-labelledby="link-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-sm text-slate-500">{t("payTo", { merchant: link.merchantName })}</p>
          <h1 id="link-title" className="mt-1 text-lg font-semibold [overflow-wrap:anywhere]" data-testid="link-description">
            {link.description}
          </h1>
          <p className="tabular mt-2 text-2xl font-semibold" data-testid="link-amount">
            {amountText}
          </p>
          {link.expiresAt && <p className="mt-1 text-xs text-slate-500">{t("validUntil", { time: formatWib(link.expiresAt, locale) })}</p>}
          {link.singleUse && <p className="mt-1 text-xs text-slate-500">{t("singleUseNote")}</p>}
        </section>

        {payment ? (
          <>
            <PaymentPanel deposit={payment} sandbox={env.SANDBOX} />
            {payment.status !== "paid" && link.status === "active" && (
              <Link href={`/l/${link.id}`} className="text-center text-sm font-medium text-brand-700 hover:underline">
                {t("otherMethod")}
              </Link>
            )}
          </>
        ) : closed ? (
          <div role="status" data-testid="link-closed" data-status={link.status} className={`flex items-start gap-3 rounded-lg p-4 ${closed.tone}`}>
            <closed.icon aria-hidden className="mt-0.5 h-6 w-6 shrink-0" />
            <div>
              <p className="font-semibold">{t(`${link.status as keyof typeof CLOSED}Title`)}</p>
              <p className="text-sm">{t(`${link.status as keyof typeof CLOSED}Body`, { merchant: link.merchantName })}</p>
            </div>
          </div>
        ) : (
          <section aria-label={t("method")} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <PayLinkForm link={link} />
          </section>
        )}
      </main>
    </div>
  );
}
