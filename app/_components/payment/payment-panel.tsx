"use client";
// How to pay a deposit (QR, VA number or bank details), with its status kept live by a tRPC
// subscription (server-sent events): the page flips to paid or expired without a reload.
import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { CheckCircle2, Clock3 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { QRCodeSVG } from "qrcode.react";
import { useEffect, useState } from "react";
import { formatRupiah, formatWib } from "@/lib/format";
import type { PaymentView } from "@/server/deposits/views";
import { useTRPC } from "../../_trpc/client";
import { CopyButton } from "../copy-button";
import { StatusBadge } from "../status-badge";
import { DetailList } from "../ui";
import { Countdown } from "./countdown";
import { SimulatePaymentButton } from "./simulate-payment-button";

/** How often the page asks for the status while the live stream is unavailable. */
const POLL_FALLBACK_MS = 5_000;

export function PaymentPanel({ deposit, sandbox }: { deposit: PaymentView; sandbox: boolean }) {
  const t = useTranslations("payment");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  // What the live feed reported; server-rendered props win once they have caught up.
  const [live, setLive] = useState<{ status: string; paidAt: string | null } | null>(null);
  const status = deposit.status !== "pending" ? deposit.status : (live?.status ?? deposit.status);
  const paidAt = deposit.paidAt ?? live?.paidAt ?? null;

  const stream = useSubscription(
    trpc.deposits.watch.subscriptionOptions(
      { id: deposit.id },
      {
        enabled: status === "pending",
        onData(update) {
          setLive({ status: update.status, paidAt: update.paidAt ? new Date(update.paidAt).toISOString() : null });
          // Server-rendered parts (balance in the top bar, details) catch up.
          if (update.status !== "pending") router.refresh();
        },
      },
    ),
  );
  // Fallback: while the stream is refused (503 when the server is full) or broken and
  // reconnecting, the status is asked for every few seconds instead.
  const streamDown = status === "pending" && (stream.status === "error" || stream.error != null);
  const polled = useQuery(trpc.deposits.forPayer.queryOptions({ id: deposit.id }, { enabled: streamDown, refetchInterval: POLL_FALLBACK_MS }));
  const polledStatus = polled.data?.status;
  const polledPaidAt = polled.data?.paidAt ?? null;
  useEffect(() => {
    if (!streamDown || !polledStatus || polledStatus === "pending") return;
    setLive({ status: polledStatus, paidAt: polledPaidAt });
    router.refresh();
  }, [streamDown, polledStatus, polledPaidAt, router]);

  const total = formatRupiah(BigInt(deposit.total));
  return (
    <section aria-label={t("title")} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="payment-panel" data-status={status}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <div>
          {deposit.merchantName && <p className="text-sm text-slate-500">{t("payTo", { merchant: deposit.merchantName })}</p>}
          <p className="tabular text-3xl font-semibold" data-testid="payment-total">{total}</p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <StatusBadge kind="deposit" status={status} />
          {status === "pending" && <span className="text-xs text-slate-600">{t("live")}</span>}
        </div>
      </div>

      {status === "paid" ? (
        <div role="status" className="flex items-start gap-3 rounded-md bg-emerald-50 p-4 text-emerald-800">
          <CheckCircle2 aria-hidden className="mt-0.5 h-6 w-6 shrink-0" />
          <div>
            <p className="font-semibold">{t("paidTitle")}</p>
            <p className="text-sm">{t("paidBody")}</p>
            {paidAt && <p className="mt-1 text-xs">{formatWib(paidAt, locale)}</p>}
          </div>
        </div>
      ) : status === "expired" ? (
        <div role="status" className="flex items-start gap-3 rounded-md bg-slate-100 p-4 text-slate-700">
          <Clock3 aria-hidden className="mt-0.5 h-6 w-6 shrink-0" />
          <div>
            <p className="font-semibold">{t("expiredTitle")}</p>
            <p className="text-sm">{t("expiredBody")}</p>
          </div>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          {deposit.qrisPayload && (
            <div className="flex flex-col items-center gap-2">
              <div className="rounded-md border border-slate-200 bg-white p-3">
                <QRCodeSVG value={deposit.qrisPayload} size={232} level="M" role="img" aria-label={t("qrAlt", { total })} data-testid="qris-code" />
              </div>
              <p className="text-center text-sm text-slate-600">{t("scanQris")}</p>
            </div>
          )}
          {deposit.billerCode && (
            <div>
              <p className="text-sm text-slate-500">{t("billerCode")}</p>
              <div className="flex items-center gap-2">
                <span className="tabular font-mono text-2xl font-semibold tracking-wider" data-testid="biller-code">{deposit.billerCode}</span>
                <CopyButton value={deposit.billerCode} label={t("billerCode")} />
              </div>
            </div>
          )}
          {deposit.vaNumber && (
            <div>
              <p className="text-sm text-slate-500">{deposit.billerCode ? t("billKey") : t("vaNumber")}</p>
              <div className="flex items-center gap-2">
                <span className="tabular font-mono text-2xl font-semibold tracking-wider" data-testid="va-number">{deposit.vaNumber}</span>
                <CopyButton value={deposit.vaNumber} label={deposit.billerCode ? t("billKey") : t("vaNumber")} />
              </div>
              <p className="mt-1 text-xs text-slate-500">
                {deposit.billerCode ? t("billHint", { billerCode: deposit.billerCode }) : t("vaHint", { bank: deposit.method.replace("VA_", "") })}
              </p>
            </div>
          )}
          {deposit.bank && (
            <div className="text-sm">
              <DetailList
                items={[
                  { label: t("bankName"), value: deposit.bank.name, className: "font-medium" },
                  {
                    label: t("accountNumber"),
                    value: (
                      <>
                        {deposit.bank.accountNumber} <CopyButton value={deposit.bank.accountNumber} label={t("accountNumber")} />
                      </>
                    ),
                    className: "flex items-center gap-2 font-mono font-medium",
                  },
                  { label: t("accountName"), value: deposit.bank.accountName, className: "font-medium" },
                  {
                    label: t("transferExactly"),
                    value: (
                      <>
                        <span className="tabular">{total}</span> <CopyButton value={deposit.total} label={t("transferExactly")} />
                      </>
                    ),
                    className: "flex items-center gap-2 font-semibold",
                  },
                ]}
              />
              <p className="mt-1 text-xs text-amber-700">{t("transferHint")}</p>
            </div>
          )}
          <Countdown until={deposit.expiredAt} label={t("timeLeft")} />
          {sandbox && deposit.simulatable && <SimulatePaymentButton reference={deposit.id} />}
        </div>
      )}
    </section>
  );
}
