"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

/** For a payout whose outcome was unknown: record what the provider says, with a note. */
export function ResolveActions({ id }: { id: string }) {
  const t = useTranslations("adminTools.actions");
  const trpc = useTRPC();
  const resolve = useMutation(trpc.adminDesk.resolveProcessing.mutationOptions());
  const { run, error, setError } = useAction();
  const [paid, setPaid] = useState<boolean | null>(null);
  const [note, setNote] = useState("");
  const [reference, setReference] = useState("");
  return (
    <form
      className="flex flex-col gap-2 rounded-md border border-blue-200 bg-blue-50 p-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (note.trim().length < 3) return setError(t("resolveNoteRequired"));
        if (paid === null) return;
        void run(() => resolve.mutateAsync({ id, paid, note, reference: reference || undefined }));
      }}
    >
      <p className="font-medium">{t("resolveTitle")}</p>
      <label className="flex items-center gap-2"><input type="radio" name={`paid-${id}`} checked={paid === true} onChange={() => setPaid(true)} /> {t("resolvePaid")}</label>
      <label className="flex items-center gap-2"><input type="radio" name={`paid-${id}`} checked={paid === false} onChange={() => setPaid(false)} /> {t("resolveNotPaid")}</label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        {t("resolveNote")}
        <input value={note} onChange={(e) => setNote(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-normal" />
      </label>
      {paid && (
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("resolveReference")}
          <input value={reference} onChange={(e) => setReference(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-normal" />
        </label>
      )}
      {error && <p role="alert" className="text-xs text-rose-700">{error}</p>}
      <button type="submit" disabled={paid === null || resolve.isPending} className="self-start rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white disabled:opacity-60">
        {t("resolveSave")}
      </button>
    </form>
  );
}
