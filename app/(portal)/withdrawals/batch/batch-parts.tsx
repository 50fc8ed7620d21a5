"use client";
// Small client pieces of the batch pages: the progress bar (which keeps the page fresh while rows
// are being decided) and the report download.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { buttonClass } from "../../../_components/button";
import { FormError } from "../../../_components/field";
import { useTRPC } from "../../../_trpc/client";
import { downloadText } from "./batch-upload";

export function BatchProgress({ decided, total, live, label, text }: { decided: number; total: number; live: boolean; label: string; text: string }) {
  const router = useRouter();
  // While rows wait or payouts are in flight, read the page again every few seconds.
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => router.refresh(), 4000);
    return () => clearInterval(timer);
  }, [live, router]);
  const percent = total > 0 ? Math.round((decided / total) * 100) : 0;
  return (
    <div className="flex flex-col gap-1">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={decided} aria-valuetext={text} className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600 tabular" data-testid="batch-progress-text">{text}</p>
    </div>
  );
}

export function ReportDownload({ batchId, admin = false }: { batchId: string; admin?: boolean }) {
  const t = useTranslations("batchPayouts");
  const trpc = useTRPC();
  const merchantReport = useMutation(trpc.payoutBatches.report.mutationOptions());
  const adminReport = useMutation(trpc.payoutBatchDesk.report.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const busy = merchantReport.isPending || adminReport.isPending;
  return (
    <div>
      <button
        type="button"
        className={buttonClass("secondary")}
        disabled={busy}
        onClick={async () => {
          setError(null);
          try {
            const report = admin ? await adminReport.mutateAsync({ batchId }) : await merchantReport.mutateAsync({ batchId });
            downloadText(report.fileName, report.csv);
          } catch {
            setError(t("failed"));
          }
        }}
      >
        {busy ? t("reportBusy") : t("report")}
      </button>
      <FormError message={error} compact />
    </div>
  );
}
