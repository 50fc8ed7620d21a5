"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { formatRupiah } from "@/lib/format";
import { buttonClass } from "../../../_components/button";
import { AmountField, FormError, FormNotice, TextareaField } from "../../../_components/field";
import { useFormKey } from "../../../_lib/form-key";
import { useAction } from "../../../_lib/use-action";
import { useTRPC } from "../../../_trpc/client";

export function SuspensionForm({ merchantId, suspended }: { merchantId: string; suspended: boolean }) {
  const t = useTranslations("adminTools.suspend");
  const trpc = useTRPC();
  const mutation = useMutation(trpc.merchants.setSuspension.mutationOptions());
  const { run, pending, error, notice } = useAction();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) return setReasonError(t("reasonRequired"));
    setReasonError(null);
    void run(() => mutation.mutateAsync({ merchantId, suspend: !suspended, reason: reason.trim() }), { onSuccess: () => setReason(""), done: t("done") });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={error} />
      <FormNotice message={notice} />
      {!suspended && <p className="text-xs text-slate-600">{t("suspendHelp")}</p>}
      <TextareaField id="suspension-reason" label={t("reason")} hint={t("reasonHint")} error={reasonError} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      <button type="submit" disabled={pending} className={buttonClass(suspended ? "success" : "danger", "lg")}>
        {pending ? t("working") : suspended ? t("unsuspend") : t("suspend")}
      </button>
    </form>
  );
}

export function AdjustmentForm({ merchantId }: { merchantId: string }) {
  const t = useTranslations("adminTools.adjust");
  const tDesk = useTranslations("desk.adjustments");
  const trpc = useTRPC();
  const mutation = useMutation(trpc.merchants.adjustBalance.mutationOptions());
  const { run, pending, error, notice } = useAction();
  const [direction, setDirection] = useState<"credit" | "debit">("credit");
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  // One key per submission: a double click or a retry posts once.
  const [idempotencyKey, renewIdempotencyKey] = useFormKey();
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const amount = /^\d{1,13}$/.test(amountText) ? BigInt(amountText) : 0n;
    const found: typeof errors = {};
    if (amount <= 0n) found.amount = t("amountInvalid");
    if (reason.trim().length < 3) found.reason = t("reasonRequired");
    setErrors(found);
    if (Object.keys(found).length) return;
    void run(() => mutation.mutateAsync({ merchantId, direction, amount, reason: reason.trim(), idempotencyKey }), {
      onSuccess: () => {
        setAmountText("");
        setReason("");
        renewIdempotencyKey();
      },
      // Maker-checker: the request waits for a second admin (adjustment-requests.tsx).
      done: () => tDesk("requestedDone"),
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={error} />
      <FormNotice message={notice} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("direction")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["credit", "debit"] as const).map((d) => (
            <label key={d} className="flex items-center gap-2">
              <input type="radio" name="adjust-direction" value={d} checked={direction === d} onChange={() => setDirection(d)} />
              {t(d)}
            </label>
          ))}
        </div>
      </fieldset>
      <AmountField id="adjust-amount" label={t("amount")} value={amountText} onValueChange={setAmountText} error={errors.amount} />
      <TextareaField id="adjust-reason" label={t("reason")} hint={t("help")} error={errors.reason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      <button type="submit" disabled={pending} className={buttonClass("primary", "lg")}>
        {pending ? t("working") : t("submit")}
      </button>
    </form>
  );
}

export function AutoApproveForm({ merchantId, current }: { merchantId: string; current: string | null }) {
  const t = useTranslations("adminTools.autoApprove");
  const trpc = useTRPC();
  const mutation = useMutation(trpc.merchants.setAutoApprove.mutationOptions());
  const { run, pending, error, notice } = useAction();
  const [text, setText] = useState(current ?? "");
  const [fieldError, setFieldError] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const upTo = text === "" ? null : /^\d{1,13}$/.test(text) && BigInt(text) > 0n ? BigInt(text) : undefined;
    if (upTo === undefined) return setFieldError(t("invalid"));
    setFieldError(null);
    void run(() => mutation.mutateAsync({ merchantId, upTo }), { done: t("done") });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={error} />
      <FormNotice message={notice} />
      <p className="text-xs text-slate-600">{t("help")}</p>
      <p className="text-sm">{t("current", { value: current ? formatRupiah(current) : t("off") })}</p>
      <AmountField id="auto-approve-limit" label={t("limit")} value={text} onValueChange={setText} error={fieldError} />
      <button type="submit" disabled={pending} className={buttonClass("secondary", "lg")}>
        {pending ? t("working") : t("save")}
      </button>
    </form>
  );
}
