"use client";
// The order history with live status: the orders still in PROCESS are watched through a tRPC
// subscription (server-sent events), so they flip to SUCCESS or FAILED without a reload; then
// the server-rendered parts (the top bar balance, this list) catch up with router.refresh().
import { useSubscription } from "@trpc/tanstack-react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatRupiah, formatWib } from "@/lib/format";
import { Badge } from "../../_components/ui";
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

const STATUS = { 0: "PROCESS", 1: "SUCCESS", 2: "FAILED" } as const;
const TONES = { PROCESS: "amber", SUCCESS: "green", FAILED: "red" } as const;
type StatusName = (typeof STATUS)[keyof typeof STATUS];

function statusName(status: number): StatusName {
  return status === 1 ? "SUCCESS" : status === 2 ? "FAILED" : "PROCESS";
}

export function OrderStatusBadge({ status }: { status: number }) {
  const t = useTranslations("prepaid.status");
  const name = statusName(status);
  return (
    <Badge tone={TONES[name]}>
      <span data-testid="prepaid-status" data-status={name}>
        {t(name)}
      </span>
    </Badge>
  );
}

export function OrderHistory({ orders }: { orders: OrderRow[] }) {
  const t = useTranslations("prepaid.orders");
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
    <div className="overflow-x-auto">
      {pending.length > 0 && (
        <p className="px-4 pt-3 text-xs text-slate-500">
          <span className="mr-1 inline-block h-2 w-2 animate-pulse rounded-full bg-amber-500" aria-hidden /> {t("live")}
        </p>
      )}
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.time")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.ref")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.product")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.customer")}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.price")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.sn")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((o) => (
            <tr key={o.trId} data-testid="prepaid-order-row" data-ref={o.refId} data-status={statusName(o.status)}>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWib(o.createdAt, locale)}</td>
              <td className="px-4 py-2 font-mono text-xs">{o.refId}</td>
              <td className="px-4 py-2">
                {o.productName}
                <span className="block font-mono text-xs text-slate-500">{o.productCode}</span>
              </td>
              <td className="px-4 py-2 font-mono text-xs">{o.customerId}</td>
              <td className="tabular whitespace-nowrap px-4 py-2 text-right">{formatRupiah(BigInt(o.price))}</td>
              <td className="px-4 py-2" aria-live="polite">
                <OrderStatusBadge status={o.status} />
              </td>
              <td className="px-4 py-2 font-mono text-xs">{o.sn ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
