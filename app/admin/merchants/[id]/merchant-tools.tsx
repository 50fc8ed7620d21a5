"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatRupiah } from "@/lib/format";
import { Field, FormError } from "../../../_components/field";
import { useTRPC } from "../../../_trpc/client";

const button = "rounded-md px-3 py-2 text-sm font-semibold disabled:opacity-60";
const textareaClass = "rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500";

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function Textarea({ id, label, hint, error, value, onChange }: { id: string; label: string; hint: string; error?: string | null; value: string; onChange: (v: string) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        maxLength={500}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        className={`${textareaClass} ${error ? "border-rose-400" : "border-slate-300"}`}
      />
      <p id={`${id}-hint`} className={`text-xs ${error ? "text-rose-600" : "text-slate-500"}`}>
        {error ?? hint}
      </p>
    </div>
  );
}

function Done({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {message}
    </p>
  );
}

export function SuspensionForm({ merchantId, suspended }: { merchantId: string; suspended: boolean }) {
  const t = useTranslations("adminTools.suspend");
  const router = useRouter();
  const trpc = useTRPC();
  const mutation = useMutation(trpc.adminDesk.setSuspension.mutationOptions());
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (reason.trim().length < 3) return setReasonError(t("reasonRequired"));
    setReasonError(null);
    try {
      await mutation.mutateAsync({ merchantId, suspend: !suspended, reason: reason.trim() });
      setReason("");
      setDone(t("done"));
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={error} />
      <Done message={done} />
      {!suspended && <p className="text-xs text-slate-600">{t("suspendHelp")}</p>}
      <Textarea id="suspension-reason" label={t("reason")} hint={t("reasonHint")} error={reasonError} value={reason} onChange={setReason} />
      <button
        type="submit"
        disabled={mutation.isPending}
        className={`${button} ${suspended ? "bg-emerald-600 text-white hover:bg-emerald-700" : "bg-rose-600 text-white hover:bg-rose-700"}`}
      >
        {mutation.isPending ? t("working") : suspended ? t("unsuspend") : t("suspend")}
      </button>
    </form>
  );
}

export function AdjustmentForm({ merchantId }: { merchantId: string }) {
  const t = useTranslations("adminTools.adjust");
  const router = useRouter();
  const trpc = useTRPC();
  const mutation = useMutation(trpc.adminDesk.adjustBalance.mutationOptions());
  const [direction, setDirection] = useState<"credit" | "debit">("credit");
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  // One key per submission: a double click or a retry posts once.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const amount = /^\d{1,13}$/.test(amountText) ? BigInt(amountText) : 0n;
    const found: typeof errors = {};
    if (amount <= 0n) found.amount = t("amountInvalid");
    if (reason.trim().length < 3) found.reason = t("reasonRequired");
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const result = await mutation.mutateAsync({ merchantId, direction, amount, reason: reason.trim(), idempotencyKey });
      setDone(t("done", { balance: formatRupiah(result.balance.available) }));
      setAmountText("");
      setReason("");
      setIdempotencyKey(newKey());
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={error} />
      <Done message={done} />
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
      <Field
        id="adjust-amount"
        label={t("amount")}
        inputMode="numeric"
        autoComplete="off"
        value={amountText}
        onChange={(e) => setAmountText(e.target.value.replace(/[^\d]/g, ""))}
        error={errors.amount}
      />
      <Textarea id="adjust-reason" label={t("reason")} hint={t("help")} error={errors.reason} value={reason} onChange={setReason} />
      <button type="submit" disabled={mutation.isPending} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>
        {mutation.isPending ? t("working") : t("submit")}
      </button>
    </form>
  );
}

export function AutoApproveForm({ merchantId, current }: { merchantId: string; current: string | null }) {
  const t = useTranslations("adminTools.autoApprove");
  const router = useRouter();
  const trpc = useTRPC();
  const mutation = useMutation(trpc.adminDesk.setAutoApprove.mutationOptions());
  const [text, setText] = useState(current ?? "");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const upTo = text === "" ? null : /^\d{1,13}$/.test(text) && BigInt(text) > 0n ? BigInt(text) : undefined;
    if (upTo === undefined) return setFieldError(t("invalid"));
    setFieldError(null);
    try {
      await mutation.mutateAsync({ merchantId, upTo });
      setDone(t("done"));
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={error} />
      <Done message={done} />
      <p className="text-xs text-slate-600">{t("help")}</p>
      <p className="text-sm">{t("current", { value: current ? formatRupiah(current) : t("off") })}</p>
      <Field
        id="auto-approve-limit"
        label={t("limit")}
        inputMode="numeric"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value.replace(/[^\d]/g, ""))}
        error={fieldError ?? undefined}
      />
      <button type="submit" disabled={mutation.isPending} className={`${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
        {mutation.isPending ? t("working") : t("save")}
      </button>
    </form>
  );
}
