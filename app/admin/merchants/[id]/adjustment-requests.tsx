"use client";
// Maker-checker for manual adjustments: the merchant page lists its adjustment requests; a
// pending one shows "1 of 2" (who asked, when) and a second admin approves it (posted at once,
// after a confirmation) or rejects it with a note. The server refuses the requester's own approval.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatRupiah } from "@/lib/format";
import { buttonClass } from "../../../_components/button";
import { ConfirmBox } from "../../../_components/confirm-box";
import { FormError, FormNotice, TextareaField } from "../../../_components/field";
import { Badge } from "../../../_components/ui";
import { useAction } from "../../../_lib/use-action";
import { useTRPC } from "../../../_trpc/client";

export type AdjustmentRequestRow = {
  id: string;
  direction: "credit" | "debit";
  amount: string;
  reason: string;
  status: "pending" | "approved" | "rejected";
  requestedAt: string;
  approvals: { name: string; at: string }[];
  approvalsNeeded: number;
  decisionNote: string | null;
};

const TONES = { pending: "amber", approved: "green", rejected: "grey" } as const;

export function AdjustmentRequests({ rows }: { rows: AdjustmentRequestRow[] }) {
  const t = useTranslations("desk.adjustments");
  if (rows.length === 0) return <p className="p-4 text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((row) => (
        <li key={row.id} data-testid="adjustment-request" data-id={row.id} data-status={row.status} className="flex flex-col gap-2 p-4 text-sm sm:flex-row sm:items-start sm:justify-between">
          <div className="flex flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t(row.direction)}</span>
              <span className="tabular font-semibold">{formatRupiah(row.amount)}</span>
              <Badge tone={TONES[row.status]}>{t(`status.${row.status}`)}</Badge>
              <Badge tone="blue">{`${row.approvals.length}/${row.approvalsNeeded}`}</Badge>
            </div>
            <p className="text-slate-700">{row.reason}</p>
            {row.approvals.map((a, i) => (
              <p key={a.name + a.at} className="text-xs text-slate-500" data-testid="adjustment-approval">
                {i === 0 ? t("requested", { name: a.name, time: a.at }) : `${a.name}, ${a.at}`}
              </p>
            ))}
            {row.decisionNote && <p className="text-xs text-slate-600">{row.decisionNote}</p>}
          </div>
          {row.status === "pending" && <RequestActions row={row} />}
        </li>
      ))}
    </ul>
  );
}

function RequestActions({ row }: { row: AdjustmentRequestRow }) {
  const t = useTranslations("desk.adjustments");
  const trpc = useTRPC();
  const approve = useMutation(trpc.merchants.approveAdjustment.mutationOptions());
  const reject = useMutation(trpc.merchants.rejectAdjustment.mutationOptions());
  const { run, pending, error, notice } = useAction();
  const [mode, setMode] = useState<"idle" | "approve" | "reject">("idle");
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);

  return (
    <div className="flex flex-col gap-2 sm:w-72">
      {mode === "idle" && (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => setMode("approve")} className={buttonClass("success", "sm")}>
            {t("approve")}
          </button>
          <button type="button" onClick={() => setMode("reject")} className={buttonClass("dangerOutline", "sm")}>
            {t("reject")}
          </button>
        </div>
      )}
      {mode === "approve" && (
        <ConfirmBox
          tone="success"
          label={t("approve")}
          question={t("approveQuestion", { direction: t(row.direction).toLowerCase(), amount: formatRupiah(row.amount) })}
          confirmLabel={t("approveConfirm")}
          busyLabel={t("working")}
          cancelLabel={t("cancel")}
          busy={pending}
          onConfirm={() =>
            void run(() => approve.mutateAsync({ requestId: row.id }), {
              onSuccess: () => setMode("idle"),
              done: (result) => t("approvedDone", { balance: formatRupiah(result.balance.available) }),
            })
          }
          onCancel={() => setMode("idle")}
        />
      )}
      {mode === "reject" && (
        <form
          className="flex flex-col gap-2 rounded-md border border-rose-200 bg-rose-50 p-3"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (note.trim().length < 3) return setNoteError(t("noteRequired"));
            setNoteError(null);
            void run(() => reject.mutateAsync({ requestId: row.id, note: note.trim() }), { onSuccess: () => setMode("idle"), done: t("rejectedDone") });
          }}
        >
          <TextareaField id={`adjustment-reject-${row.id}`} label={t("rejectNote")} error={noteError} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={buttonClass("danger", "sm")}>
              {pending ? t("working") : t("rejectConfirm")}
            </button>
            <button type="button" disabled={pending} onClick={() => setMode("idle")} className={buttonClass("secondary", "sm")}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      <FormError message={error} compact />
      <FormNotice message={notice} testId="adjustment-notice" />
    </div>
  );
}
