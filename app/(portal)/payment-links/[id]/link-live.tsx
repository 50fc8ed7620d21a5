"use client";
// The link's state, totals and payments, kept fresh while the merchant watches: asked for every
// few seconds (only while the page is open and visible). When a payment is paid the server-rendered
// parts (the balance in the top bar) catch up with a refresh.
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { formatRupiah, formatWib } from "@/lib/format";
import type { PaymentLinkSummary } from "@/server/payment-links/views";
import type { Page } from "@/lib/pagination";
import { DataTable } from "../../../_components/data-table";
import { StatusBadge } from "../../../_components/status-badge";
import { StatCard } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";
import { LinkStatusBadge } from "../link-status-badge";

const REFRESH_MS = 2_500;

type Payment = { id: string; method: string; amount: bigint; total: bigint; status: string; createdAt: Date; paidAt: Date | null };
export type LinkDetail = { link: PaymentLinkSummary; payments: Page<Payment> };

export function LinkLive({ id, page, initial }: { id: string; page: number; initial: LinkDetail }) {
  const t = useTranslations("paymentLinks");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const query = useQuery(
    trpc.paymentLinks.get.queryOptions(
      { id, page },
      { initialData: initial as never, refetchInterval: REFRESH_MS, refetchIntervalInBackground: false, refetchOnWindowFocus: true },
    ),
  );
  const data = (query.data ?? initial) as LinkDetail;
  const { link, payments } = data;

  // A new paid payment (or the link completed): the balance in the top bar is server-rendered.
  const seen = useRef(`${link.paidCount}:${link.status}`);
  useEffect(() => {
    const now = `${link.paidCount}:${link.status}`;
    if (now === seen.current) return;
    seen.current = now;
    router.refresh();
  }, [link.paidCount, link.status, router]);

  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-sm font-medium text-slate-500">{t("columns.status")}</h2>
          <p className="mt-2">
            <LinkStatusBadge status={link.status} />
          </p>
          <p className="mt-2 text-xs text-slate-500">{link.singleUse ? t("type.single") : t("type.multi")}</p>
        </div>
        <StatCard label={t("totalPayments")} value={String(link.paidCount)} testId="link-paid-count" />
        <StatCard label={t("totalPaid")} value={formatRupiah(link.totalPaid)} hint={t("totalPaidHint")} testId="link-total-paid" />
      </div>
      <DataTable
        title={t("payments")}
        subtitle={t("paymentsLive")}
        caption={t("payments")}
        rowTestId="link-payment-row"
        items={payments.items}
        rowKey={(p) => p.id}
        rowData={(p) => ({ id: p.id })}
        columns={[
          { id: "created", header: t("columns.created"), kind: "time", cell: (p) => formatWib(p.createdAt, locale) },
          {
            id: "id",
            header: t("columns.id"),
            kind: "mono",
            cell: (p) => (
              <Link href={`/invoices/${p.id}`} className="text-brand-700 hover:underline">
                {p.id}
              </Link>
            ),
          },
          { id: "method", header: t("columns.method"), cell: (p) => p.method },
          { id: "amount", header: t("columns.amount"), kind: "money", cell: (p) => formatRupiah(p.amount) },
          { id: "total", header: t("columns.total"), kind: "money", cell: (p) => formatRupiah(p.total) },
          { id: "status", header: t("columns.status"), cell: (p) => <StatusBadge kind="deposit" status={p.status} /> },
          { id: "paidAt", header: t("columns.paidAt"), kind: "time", cell: (p) => (p.paidAt ? formatWib(p.paidAt, locale) : "—") },
        ]}
        empty={{ title: t("noPayments"), body: t("noPaymentsBody") }}
        pagination={{ page: payments.page, totalPages: payments.totalPages, href: `/payment-links/${id}` }}
      />
    </div>
  );
}
