"use client";
// The desk's decisions on a batch payout: approve all / reject all (one note) — worked in chunks by
// payoutBatchDesk.decide, called again with its cursor until the batch has no pending row left,
// with a progress bar — or approve / reject the rows selected in the batch's detail view.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "../../_components/button";
import { ConfirmBox } from "../../_components/confirm-box";
import { FormError, FormNotice, TextareaField } from "../../_components/field";
import { useTRPC } from "../../_trpc/client";

type Outcome = { outcome: string };
type Tally = { approved: number; rejected: number; waiting: number; failed: number };

function tally(outcomes: Outcome[], into: Tally): Tally {
  for (const o of outcomes) {
    if (o.outcome === "approved") into.approved++;
    else if (o.outcome === "rejected") into.rejected++;
    else if (o.outcome === "awaiting_second") into.waiting++;
    else into.failed++;
  }
  return into;
}

export function BatchDecision({ batchId, pending, selectedIds, onDone }: { batchId: string; pending: number; selectedIds?: string[]; onDone?: () => void }) {
  const t = useTranslations("batchDesk");
  const trpc = useTRPC();
  const router = useRouter();
  const decide = useMutation(trpc.payoutBatchDesk.decide.mutationOptions());
  const [mode, setMode] = useState<"idle" | "approve" | "reject">("idle");
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const selection = selectedIds && selectedIds.length > 0 ? selectedIds : undefined;
  const target = selection ? selection.length : pending;

  async function work(action: "approve" | "reject") {
    setRunning(true);
    setError(null);
    setNotice(null);
    setDone(0);
    const counts: Tally = { approved: 0, rejected: 0, waiting: 0, failed: 0 };
    try {
      if (selection) {
        const step = action === "approve" ? await decide.mutateAsync({ action, batchId, ids: selection }) : await decide.mutateAsync({ action, batchId, ids: selection, note: note.trim() });
        tally(step.outcomes, counts);
        setDone(step.outcomes.length);
      } else {
        let afterRow: number | undefined;
        let processed = 0;
        for (;;) {
          const step = action === "approve" ? await decide.mutateAsync({ action, batchId, afterRow }) : await decide.mutateAsync({ action, batchId, afterRow, note: note.trim() });
          tally(step.outcomes, counts);
          processed += step.outcomes.length;
          setDone(processed);
          if (step.nextAfterRow === null) break;
          afterRow = step.nextAfterRow;
        }
      }
      setNotice(t("finished", counts));
      setMode("idle");
      onDone?.();
    } catch {
      setError(t("failed"));
    } finally {
      setRunning(false);
      router.refresh();
    }
  }

  const percent = target > 0 ? Math.min(100, Math.round((done / target) * 100)) : 0;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      {mode === "idle" && (
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={running || target === 0} onClick={() => setMode("approve")} className={buttonClass("primary", "sm")}>
            {selection ? t("approveSelected") : t("approveAll")}
          </button>
          <button type="button" disabled={running || target === 0} onClick={() => setMode("reject")} className={buttonClass("dangerOutline", "sm")}>
            {selection ? t("rejectSelected") : t("rejectAll")}
          </button>
        </div>
      )}
      {mode === "approve" && (
        <ConfirmBox
          tone="success"
          label={selection ? t("approveSelected") : t("approveAll")}
          question={t("approveAllQuestion")}
          confirmLabel={t("confirm")}
          busyLabel={t("working", { done, total: target })}
          cancelLabel={t("cancel")}
          busy={running}
          onConfirm={() => void work("approve")}
          onCancel={() => setMode("idle")}
        />
      )}
      {mode === "reject" && (
        <form
          className="flex flex-col gap-2 rounded-md border border-rose-200 bg-rose-50 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (note.trim().length < 3) return setNoteError(t("note"));
            setNoteError(null);
            void work("reject");
          }}
          noValidate
        >
          <p className="text-sm text-rose-800">{t("rejectAllQuestion")}</p>
          <TextareaField id={`batch-reject-note-${batchId}`} label={t("note")} error={noteError} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} required />
          <div className="flex gap-2">
            <button type="submit" disabled={running} className={buttonClass("danger", "sm")}>
              {running ? t("working", { done, total: target }) : t("confirm")}
            </button>
            <button type="button" disabled={running} onClick={() => setMode("idle")} className={buttonClass("secondary", "sm")}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      {running && (
        <div role="progressbar" aria-label={t("working", { done, total: target })} aria-valuemin={0} aria-valuemax={target} aria-valuenow={done} className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
          <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
      )}
      <FormError message={error} compact />
      <FormNotice message={notice} testId="batch-decision-notice" />
    </div>
  );
}

type RowView = { id: string; row: number; destination: string; amount: string; status: string; statusLabel: string; note: string };

/** The batch's rows on this page, with a checkbox per pending row for per-row decisions. */
export function BatchRowsTable({ batchId, rows, caption, headers }: { batchId: string; rows: RowView[]; caption: string; headers: { row: string; destination: string; amount: string; status: string; note: string } }) {
  const t = useTranslations("batchDesk");
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <div className="flex flex-col gap-3">
      {selected.length > 0 && <BatchDecision batchId={batchId} pending={0} selectedIds={selected} onDone={() => setSelected([])} />}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("approveSelected")}</span></th>
              <th scope="col" className="px-3 py-2">{headers.row}</th>
              <th scope="col" className="px-3 py-2">{headers.destination}</th>
              <th scope="col" className="px-3 py-2 text-right">{headers.amount}</th>
              <th scope="col" className="px-3 py-2">{headers.status}</th>
              <th scope="col" className="px-3 py-2">{headers.note}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="desk-batch-row" data-id={r.id} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  {r.status === "pending" && <input type="checkbox" aria-label={t("select", { row: r.row })} checked={selected.includes(r.id)} onChange={() => toggle(r.id)} />}
                </td>
                <td className="px-3 py-2 tabular">{r.row}</td>
                <td className="px-3 py-2">{r.destination}</td>
                <td className="px-3 py-2 text-right tabular">{r.amount}</td>
                <td className="px-3 py-2">{r.statusLabel}</td>
                <td className="px-3 py-2 text-slate-600">{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
