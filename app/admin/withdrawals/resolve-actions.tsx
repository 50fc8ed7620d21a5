"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "../../_components/button";
import { Field, FormError } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

/** For a payout whose outcome was unknown: record what the provider says, with a note. */
export function ResolveActions({ id }: { id: string }) {
  const t = useTranslations("adminTools.actions");
  const trpc = useTRPC();
  const resolve = useMutation(trpc.withdrawalDesk.resolveProcessing.mutationOptions());
  const { run, pending, error, setError } = useAction();
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
      <Field id={`resolve-note-${id}`} label={t("resolveNote")} value={note} onChange={(e) => setNote(e.target.value)} />
      {paid && <Field id={`resolve-reference-${id}`} label={t("resolveReference")} value={reference} onChange={(e) => setReference(e.target.value)} />}
      <FormError message={error} compact />
      <button type="submit" disabled={paid === null || pending} className={buttonClass("primary", "md", "self-start")}>
        {t("resolveSave")}
      </button>
    </form>
  );
}
