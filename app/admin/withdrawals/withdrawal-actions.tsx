"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "../../_components/button";
import { ConfirmBox } from "../../_components/confirm-box";
import { FormError, FormNotice, TextareaField } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

/** Approve (after an inline confirmation) or reject (with a required note) one pending withdrawal. */
export function WithdrawalActions({ id, summary }: { id: string; summary: { amount: string; destination: string } }) {
  const t = useTranslations("adminTools.actions");
  const tDesk = useTranslations("desk.single");
  const router = useRouter();
  const trpc = useTRPC();
  const approve = useMutation(trpc.withdrawalDesk.approve.mutationOptions());
  const reject = useMutation(trpc.withdrawalDesk.reject.mutationOptions());
  const { run, pending, error, notice } = useAction({ fallback: { generic: t("failed"), validation: t("failed") } });
  const [mode, setMode] = useState<"idle" | "approve" | "reject">("idle");
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);

  // A failure usually means another admin decided first: show the page as it is now.
  // A large withdrawal's first approval is recorded, not executed: say so ("1 of 2").
  async function decide(work: () => Promise<unknown>) {
    const done = (result: unknown) => (typeof result === "object" && result !== null && "outcome" in result && result.outcome === "awaiting_second" ? tDesk("awaitingSecond") : "");
    if (!(await run(work, { onSuccess: () => setMode("idle"), done }))) router.refresh();
  }

  return (
    <div className="flex flex-col gap-2">
      {mode === "idle" && (
        <div className="flex gap-2">
          <button type="button" onClick={() => setMode("approve")} className={buttonClass("success")}>
            {t("approve")}
          </button>
          <button type="button" onClick={() => setMode("reject")} className={buttonClass("dangerOutline")}>
            {t("reject")}
          </button>
        </div>
      )}
      {mode === "approve" && (
        <ConfirmBox
          tone="success"
          label={t("approve")}
          question={t("approveQuestion", summary)}
          confirmLabel={t("approveConfirm")}
          busyLabel={t("approving")}
          cancelLabel={t("cancel")}
          busy={pending}
          onConfirm={() => void decide(() => approve.mutateAsync({ id }))}
          onCancel={() => setMode("idle")}
        />
      )}
      {mode === "reject" && (
        <form
          className="flex flex-col gap-2 rounded-md border border-rose-200 bg-rose-50 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (note.trim().length < 3) return setNoteError(t("noteRequired"));
            setNoteError(null);
            void decide(() => reject.mutateAsync({ id, note: note.trim() }));
          }}
          noValidate
        >
          <TextareaField id={`reject-note-${id}`} label={t("rejectNote")} hint={t("rejectNoteHint")} error={noteError} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} required />
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={buttonClass("danger")}>
              {pending ? t("rejecting") : t("rejectConfirm")}
            </button>
            <button type="button" disabled={pending} onClick={() => setMode("idle")} className={buttonClass("secondary")}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      <FormError message={error} compact />
      <FormNotice message={notice || null} testId="approval-notice" />
    </div>
  );
}
