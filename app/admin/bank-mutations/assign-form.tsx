"use client";
// Assigning an unmatched bank mutation to a bank transfer ticket: an "Assign" button that opens
// a small form under the row. On success the server page is rendered again (router.refresh()).
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Field, FormError } from "../../_components/field";
import { useTRPC } from "../../_trpc/client";
import { trpcErrorText } from "@/app/_lib/error-message";

const secondaryButton =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-brand-500 disabled:opacity-60";

/**
 * One unmatched mutation's table row (its cells come from the server as children) with an
 * "Assign" toggle; the form opens in a full-width row right below it.
 */
export function AssignableMutationRow({ mutationId, externalId, columns, children }: { mutationId: string; externalId: string; columns: number; children: ReactNode }) {
  const t = useTranslations("adminDeposits.assign");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const assign = useMutation(trpc.admin.assignBankMutation.mutationOptions());
  const [refreshing, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ depositId?: string; note?: string }>({});
  const toggleRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const idBase = `assign-${mutationId}`;

  useEffect(() => {
    if (open) document.getElementById(`${idBase}-deposit`)?.focus();
    else if (wasOpen.current) toggleRef.current?.focus();
    wasOpen.current = open;
  }, [open, idBase]);

  function close() {
    setOpen(false);
    setError(null);
    setFieldErrors({});
  }

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
    setError(null);
    if (errors.depositId || errors.note) return;
    try {
      await assign.mutateAsync({ mutationId, depositId, note });
      startTransition(() => {
        close();
        router.refresh();
      });
    } catch (e) {
      setError(trpcErrorText(e, locale, { generic: t("errors.generic"), validation: t("errors.validation") }));
    }
  }

  const busy = assign.isPending || refreshing;
  return (
    <>
      <tr data-testid="bank-mutation-row" className={`align-top ${open ? "bg-slate-50" : ""}`}>
        {children}
        <td className="px-4 py-2 text-right">
          <button
            ref={toggleRef}
            type="button"
            onClick={() => (open ? close() : setOpen(true))}
            aria-expanded={open}
            aria-controls={open ? `${idBase}-form` : undefined}
            aria-label={t("openNamed", { externalId })}
            className={secondaryButton}
          >
            {t("open")}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="bg-slate-50">
          <td colSpan={columns} className="px-4 pb-4 pt-1">
            <form id={`${idBase}-form`} onSubmit={onSubmit} noValidate aria-label={t("openNamed", { externalId })} className="flex flex-col gap-3">
              <FormError message={error} />
              <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] md:items-start">
                <Field
                  id={`${idBase}-deposit`}
                  name="depositId"
                  label={t("depositId")}
                  hint={t("depositIdHint")}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={64}
                  required
                  error={fieldErrors.depositId}
                />
                <Field id={`${idBase}-note`} name="note" label={t("note")} hint={t("noteHint")} autoComplete="off" maxLength={500} required error={fieldErrors.note} />
                <div className="flex gap-2 md:pt-6">
                  <button
                    type="submit"
                    disabled={busy}
                    aria-busy={busy}
                    className="whitespace-nowrap rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-500 disabled:opacity-60"
                  >
                    {busy ? t("submitting") : t("submit")}
                  </button>
                  <button type="button" disabled={busy} onClick={close} className={secondaryButton}>
                    {t("cancel")}
                  </button>
                </div>
              </div>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
