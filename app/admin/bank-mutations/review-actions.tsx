"use client";
// Resolving a provider payment held for review (VA, QRIS, any provider): "credit to this deposit"
// (one of the merchant's unpaid deposits, or any deposit id) or "refunded outside Saldo", with a
// required note for the audit log. A "Resolve" button in the row opens the form in a full-width
// row below it (the DataTable row expansion); on success the server page is rendered again.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { formatRupiah } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { RowToggle, useTableRow } from "../../_components/data-table";
import { Field, FormError, SelectField, TextareaField } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

const formId = (eventId: string) => `resolve-${eventId}`;

/** The row's "Resolve" button; focus comes back to it when the form closes. */
export function ResolveReviewToggle({ eventId, eventLabel }: { eventId: string; eventLabel: string }) {
  const t = useTranslations("adminDeposits.resolve");
  return <RowToggle label={t("open")} ariaLabel={t("openNamed", { eventId: eventLabel })} controls={`${formId(eventId)}-form`} />;
}

type Action = "credit" | "refunded_outside";

export function ResolveReviewForm({ eventId, eventLabel }: { eventId: string; eventLabel: string }) {
  const t = useTranslations("adminDeposits.resolve");
  const trpc = useTRPC();
  const candidates = useQuery(trpc.bankMutations.reviewCandidates.queryOptions({ eventId }));
  const resolve = useMutation(trpc.bankMutations.resolveReview.mutationOptions());
  const { run, pending, error } = useAction({ fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });
  const { setExpanded } = useTableRow();
  const [action, setAction] = useState<Action>("credit");
  const [depositId, setDepositId] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ depositId?: string; note?: string }>({});
  const idBase = formId(eventId);

  useEffect(() => document.getElementById(`${idBase}-action-credit`)?.focus(), [idBase]);

  const options = [
    { value: "", label: candidates.isPending ? t("candidatesLoading") : t("candidatesNone") },
    ...(candidates.data ?? []).map((d) => ({
      value: d.id,
      label: t("candidate", { id: d.id, method: d.method, total: formatRupiah(d.total), status: t(`depositStatus.${d.status === "pending" ? "pending" : "expired"}`) }),
    })),
  ];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const note = String(data.get("note") ?? "").trim();
    const chosen = depositId.trim();
    const errors = {
      depositId: action === "credit" && (chosen.length < 1 || chosen.length > 64) ? t("validation.depositId") : undefined,
      note: note.length < 3 || note.length > 500 ? t("validation.note") : undefined,
    };
    setFieldErrors(errors);
    if (errors.depositId || errors.note) return;
    const input = action === "credit" ? { action, eventId, depositId: chosen, note } : { action, eventId, note };
    await run(() => resolve.mutateAsync(input), { onSuccess: () => setExpanded(false) });
  }

  return (
    <form id={`${idBase}-form`} onSubmit={onSubmit} noValidate aria-label={t("openNamed", { eventId: eventLabel })} className="flex flex-col gap-3" data-testid="resolve-review-form">
      <FormError message={error} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-700">{t("action")}</legend>
        <div className="flex flex-wrap gap-4">
          {(["credit", "refunded_outside"] as const).map((value) => (
            <label key={value} htmlFor={`${idBase}-action-${value}`} className="flex items-center gap-2 text-sm text-slate-700">
              <input id={`${idBase}-action-${value}`} type="radio" name="action" value={value} checked={action === value} onChange={() => setAction(value)} />
              {t(`actions.${value}`)}
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-500">{t(`actionHint.${action}`)}</p>
      </fieldset>
      {action === "credit" && (
        <div className="grid gap-3 md:grid-cols-2 md:items-start">
          <SelectField
            id={`${idBase}-candidate`}
            name="candidate"
            label={t("candidates")}
            hint={t("candidatesHint")}
            options={options}
            value={options.some((o) => o.value === depositId) ? depositId : ""}
            onChange={(e) => setDepositId(e.target.value)}
          />
          <Field
            id={`${idBase}-deposit`}
            name="depositId"
            label={t("depositId")}
            hint={t("depositIdHint")}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            required
            value={depositId}
            onChange={(e) => setDepositId(e.target.value)}
            error={fieldErrors.depositId}
          />
        </div>
      )}
      <TextareaField id={`${idBase}-note`} name="note" label={t("note")} hint={t("noteHint")} maxLength={500} required error={fieldErrors.note} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass(action === "credit" ? "primary" : "warning", "lg", "whitespace-nowrap")}>
          {pending ? t("submitting") : t(`submit.${action}`)}
        </button>
        <button type="button" disabled={pending} onClick={() => setExpanded(false)} className={buttonClass("secondary")}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
