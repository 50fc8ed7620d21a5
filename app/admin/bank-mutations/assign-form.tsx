"use client";
// Assigning an unmatched bank mutation to a bank transfer ticket: an "Assign" button in the row's
// last cell opens a small form in a full-width row right below it (the DataTable row expansion).
// On success the server page is rendered again.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { buttonClass } from "../../_components/button";
import { RowToggle, useTableRow } from "../../_components/data-table";
import { Field, FormError } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

const formId = (mutationId: string) => `assign-${mutationId}`;

/** The row's "Assign" button; focus comes back to it when the form closes. */
export function AssignToggle({ mutationId, externalId }: { mutationId: string; externalId: string }) {
  const t = useTranslations("adminDeposits.assign");
  return <RowToggle label={t("open")} ariaLabel={t("openNamed", { externalId })} controls={`${formId(mutationId)}-form`} />;
}

export function AssignMutationForm({ mutationId, externalId }: { mutationId: string; externalId: string }) {
  const t = useTranslations("adminDeposits.assign");
  const trpc = useTRPC();
  const assign = useMutation(trpc.bankMutations.assign.mutationOptions());
  const { run, pending, error } = useAction({ fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });
  const { setExpanded } = useTableRow();
  const [fieldErrors, setFieldErrors] = useState<{ depositId?: string; note?: string }>({});
  const idBase = formId(mutationId);

  useEffect(() => document.getElementById(`${idBase}-deposit`)?.focus(), [idBase]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const depositId = String(data.get("depositId") ?? "").trim();
    const note = String(data.get("note") ?? "").trim();
    const errors = {
      depositId: depositId.length < 1 || depositId.length > 64 ? t("validation.depositId") : undefined,
      note: note.length < 3 || note.length > 500 ? t("validation.note") : undefined,
    };
    setFieldErrors(errors);
    if (errors.depositId || errors.note) return;
    await run(() => assign.mutateAsync({ mutationId, depositId, note }), { onSuccess: () => setExpanded(false) });
  }

  return (
    <form id={`${idBase}-form`} onSubmit={onSubmit} noValidate aria-label={t("openNamed", { externalId })} className="flex flex-col gap-3">
      <FormError message={error} />
      <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] md:items-start">
        <Field id={`${idBase}-deposit`} name="depositId" label={t("depositId")} hint={t("depositIdHint")} autoComplete="off" spellCheck={false} maxLength={64} required error={fieldErrors.depositId} />
        <Field id={`${idBase}-note`} name="note" label={t("note")} hint={t("noteHint")} autoComplete="off" maxLength={500} required error={fieldErrors.note} />
        <div className="flex gap-2 md:pt-6">
          <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "lg", "whitespace-nowrap")}>
            {pending ? t("submitting") : t("submit")}
          </button>
          <button type="button" disabled={pending} onClick={() => setExpanded(false)} className={buttonClass("secondary")}>
            {t("cancel")}
          </button>
        </div>
      </div>
    </form>
  );
}
