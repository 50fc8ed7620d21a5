import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { formatRupiah, formatWib } from "@/lib/format";
import { paymentView } from "@/server/deposits/views";
import { env } from "@/server/env";
import { TRPCError } from "@trpc/server";
import { PaymentPanel } from "../../../_components/payment/payment-panel";
import { Card, PageHeader } from "../../../_components/ui";
import { requireMerchant } from "../../../_lib/session";
import { serverTrpc } from "../../../_trpc/server";
import { CancelInvoiceButton } from "./cancel-button";

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requireMerchant();
  const { id } = await params;
  const [t, locale, trpc] = await Promise.all([getTranslations("deposits"), getLocale(), serverTrpc()]);
  const deposit = await trpc.deposits.get({ id: id.slice(0, 64) }).catch((error: unknown) => {
    // Another merchant's invoice, or none: the same 404.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const view = paymentView(deposit);
  const rows: [string, string][] = [
    [t("columns.method"), deposit.method],
    [t("columns.amount"), formatRupiah(deposit.amount)],
    [t("columns.total"), formatRupiah(deposit.total)],
    [t("createdAt"), formatWib(deposit.createdAt, locale)],
    [t("expiresAt"), formatWib(deposit.expiredAt, locale)],
  ];
  if (deposit.paidAt) rows.push([t("paidAt"), formatWib(deposit.paidAt, locale)]);

  return (
    <>
      <PageHeader title={t("detailTitle", { id: deposit.id })} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <PaymentPanel deposit={view} sandbox={env.SANDBOX} />
        <div className="flex flex-col gap-4">
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">{t("details")}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {rows.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="tabular text-right">{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card className="p-4 text-sm">
            <h2 className="font-semibold">{t("publicLink")}</h2>
            <p className="mb-1 text-slate-500">{t("publicLinkHint")}</p>
            <a href={`/pay/${deposit.id}`} className="break-all font-mono text-xs text-brand-700 hover:underline">/pay/{deposit.id}</a>
          </Card>
          {deposit.status === "pending" && <CancelInvoiceButton id={deposit.id} />}
        </div>
      </div>
    </>
  );
}
