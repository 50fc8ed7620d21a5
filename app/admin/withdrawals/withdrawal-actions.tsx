"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "../../_trpc/client";

/** Approve (after an inline confirmation) or reject (with a required note) one pending withdrawal. */
export function WithdrawalActions({ id, summary }: { id: string; summary: { amount: string; destination: string } }) {
  const t = useTranslations("adminTools.actions");
  const router = useRouter();
  const trpc = useTRPC();
  const approve = useMutation(trpc.adminDesk.approveWithdrawal.mutationOptions());
  const reject = useMutation(trpc.adminDesk.rejectWithdrawal.mutationOptions());
  const [mode, setMode] = useState<"idle" | "approve" | "reject">("idle");
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = approve.isPending || reject.isPending;
  const noteId = `reject-note-${id}`;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      setMode("idle");
      router.refresh();
    } catch (e) {
      setError((e as Error).message || t("failed"));
      router.refresh();
    }
  }

  return (
    <div className="flex flex-col gap-2">
      {mode === "idle" && (
        <div className="flex gap-2">
          <button type="button" onClick={() => setMode("approve")} className="rounded-md bg-emerald-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-700">
            {t("approve")}
          </button>
          <button type="button" onClick={() => setMode("reject")} className="rounded-md border border-rose-300 bg-white px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50">
            {t("reject")}
          </button>
        </div>
      )}
      {mode === "approve" && (
        <div role="alertdialog" aria-label={t("approve")} className="flex flex-col gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3">
          <p className="text-sm text-emerald-900">{t("approveQuestion", summary)}</p>
          <div className="flex gap-2">
            <button
              type="button"
              disabled={busy}
              onClick={() => run(() => approve.mutateAsync({ id }))}
              className="rounded-md bg-emerald-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-700 disabled:opacity-60"
            >
              {approve.isPending ? t("approving") : t("approveConfirm")}
            </button>
            <button type="button" disabled={busy} onClick={() => setMode("idle")} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
      {mode === "reject" && (
        <form
          className="flex flex-col gap-2 rounded-md border border-rose-200 bg-rose-50 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (note.trim().length < 3) return setNoteError(t("noteRequired"));
            setNoteError(null);
            void run(() => reject.mutateAsync({ id, note: note.trim() }));
          }}
          noValidate
        >
          <label htmlFor={noteId} className="text-sm font-medium text-rose-900">
            {t("rejectNote")}
          </label>
          <textarea
            id={noteId}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            maxLength={500}
            required
            aria-invalid={noteError ? true : undefined}
            aria-describedby={`${noteId}-hint`}
            className="rounded-md border border-rose-300 bg-white px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-rose-500"
          />
          <p id={`${noteId}-hint`} className={`text-xs ${noteError ? "text-rose-700" : "text-rose-800/80"}`}>
            {noteError ?? t("rejectNoteHint")}
          </p>
          <div className="flex gap-2">
            <button type="submit" disabled={busy} className="rounded-md bg-rose-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-700 disabled:opacity-60">
              {reject.isPending ? t("rejecting") : t("rejectConfirm")}
            </button>
            <button type="button" disabled={busy} onClick={() => setMode("idle")} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="text-xs text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
