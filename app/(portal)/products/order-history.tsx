"use client";
// The order history with live status: the orders still in PROCESS are watched through a tRPC
// subscription (server-sent events), so they flip to SUCCESS or FAILED without a reload; then
// the server-rendered parts (the top bar balance, this list) catch up with router.refresh().
import { useSubscription } from "@trpc/tanstack-react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatRupiah, formatWib } from "@/lib/format";
import { TwoLines } from "../../_components/cells";
import { DataTable, type DataTablePagination } from "../../_components/data-table";
import { StatusBadge, orderStatusName } from "../../_components/status-badge";
import { useTRPC } from "../../_trpc/client";

export type OrderRow = {
  trId: number;
  refId: string;
  productName: string;
  productCode: string;
  customerId: string;
  price: string;
  status: number;
  sn: string | null;
  createdAt: string;
};

export function OrderHistory({
  orders,
  pagination,
  ...card
}: {
  orders: OrderRow[];
  pagination: DataTablePagination;
  title: string;
  subtitle: string;
  className?: string;
}) {
  const t = useTranslations("prepaid.orders");
  const tr = useTranslations("receipts");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  // What the live feed reported, by tr_id; server-rendered rows win once they are final.
  const [live, setLive] = useState<Record<number, { status: number; sn: string | null }>>({});
  const shown = orders.map((o) => (o.status === 0 && live[o.trId] ? { ...o, ...live[o.trId] } : o));
  const pending = shown.filter((o) => o.status === 0).map((o) => o.trId);

  useSubscription(
    trpc.prepaid.watch.subscriptionOptions(
      { trIds: pending.length ? pending : [0] },
      {
        enabled: pending.length > 0,
        onData(updates) {
          setLive((current) => ({ ...current, ...Object.fromEntries(updates.map((u) => [u.trId, { status: u.status, sn: u.sn }])) }));
          if (updates.some((u) => u.status !== 0)) router.refresh();
        },
      },
    ),
  );

  return (
    <DataTable
      {...card}
      toolbar={
        pending.length > 0 && (
          <p className="px-4 pt-3 text-xs text-slate-500">
            <span className="mr-1 inline-block h-2 w-2 animate-pulse rounded-full bg-amber-500" aria-hidden /> {t("live")}
          </p>
        )
      }
      rowTestId="prepaid-order-row"
      items={shown}
      rowKey={(o) => String(o.trId)}
      rowData={(o) => ({ ref: o.refId, status: orderStatusName(o.status) })}
      columns={[
        { id: "time", header: t("columns.time"), kind: "time", cell: (o) => formatWib(o.createdAt, locale) },
        { id: "ref", header: t("columns.ref"), kind: "mono", cell: (o) => o.refId },
        { id: "product", header: t("columns.product"), cell: (o) => (
          <TwoLines sub={<span className="font-mono">{o.productCode}</span>}>{o.productName}</TwoLines>
        ) },
        { id: "customer", header: t("columns.customer"), kind: "mono", cell: (o) => o.customerId },
        { id: "price", header: t("columns.price"), kind: "money", cell: (o) => formatRupiah(BigInt(o.price)) },
        { id: "status", header: t("columns.status"), cell: (o) => (
          <>
            <span aria-live="polite">
              <StatusBadge kind="order" status={orderStatusName(o.status)} />
            </span>
            {o.status === 1 && (
              <a href={`/receipts/prepaid/${o.trId}`} className="ml-2 text-xs font-medium text-brand-700 hover:underline" aria-label={tr("linkLabel", { reference: o.refId })} data-testid="receipt-link">
                {tr("link")}
              </a>
            )}
          </>
        ) },
        { id: "sn", header: t("columns.sn"), kind: "mono", cell: (o) => o.sn ?? "—" },
      ]}
      empty={{ title: t("empty"), body: t("emptyBody") }}
      pagination={pagination}
    />
  );
}
