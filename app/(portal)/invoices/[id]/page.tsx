import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatRupiah, formatWib } from "@/lib/format";
import { paymentView } from "@/server/deposits/views";
import { env } from "@/server/env";
import { TRPCError } from "@trpc/server";
import { buttonClass } from "../../../_components/button";
import { PaymentPanel } from "../../../_components/payment/payment-panel";
import { Card, DetailList, PageHeader } from "../../../_components/ui";
import { requireMerchant } from "../../../_lib/session";
import { serverTrpc } from "../../../_trpc/server";
import { CancelInvoiceButton } from "./cancel-button";

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireMerchant();
  const { id } = await params;
  const [t, tr, locale, trpc] = await Promise.all([getTranslations("deposits"), getTranslations("receipts"), getLocale(), serverTrpc()]);
  const deposit = await trpc.deposits.get({ id: id.slice(0, 64) }).catch((error: unknown) => {
    // Another merchant's invoice, or none: the same 404.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const view = paymentView(deposit);
  const details = [
    [t("columns.method"), deposit.method],
    [t("columns.amount"), formatRupiah(deposit.amount)],
    [t("columns.total"), formatRupiah(deposit.total)],
    [t("createdAt"), formatWib(deposit.createdAt, locale)],
    [t("expiresAt"), formatWib(deposit.expiredAt, locale)],
    ...(deposit.paidAt ? [[t("paidAt"), formatWib(deposit.paidAt, locale)]] : []),
  ].map(([label, value]) => ({ label: label!, value, className: "tabular text-right" }));

  return (
    <>
      <PageHeader title={t("detailTitle", { id: deposit.id })} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <PaymentPanel deposit={view} sandbox={env.SANDBOX} />
        <div className="flex flex-col gap-4">
          <Card title={t("details")} className="text-sm">
            <DetailList items={details} />
          </Card>
          <Card title={t("publicLink")} subtitle={t("publicLinkHint")} className="text-sm">
            <a href={`/pay/${deposit.id}`} className="break-all font-mono text-xs text-brand-700 hover:underline">/pay/{deposit.id}</a>
          </Card>
          {deposit.status === "paid" && (
            <Link href={`/receipts/deposit/${deposit.id}`} className={buttonClass("secondary")} data-testid="receipt-link">
              {tr("link")}
            </Link>
          )}
          {deposit.status === "pending" && me.can("pay_in") && <CancelInvoiceButton id={deposit.id} />}
        </div>
      </div>
    </>
  );
}
