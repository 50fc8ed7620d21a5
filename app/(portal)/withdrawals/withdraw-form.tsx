"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { formatRupiah } from "@/lib/format";
import { AmountField, Field, FormError, SelectField, SubmitButton } from "../../_components/field";
import { StatusBadge } from "../../_components/status-badge";
import { DetailList } from "../../_components/ui";
import { useFormKey } from "../../_lib/form-key";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export type WithdrawMethodOption = {
  code: string;
  name: string;
  kind: "ewallet" | "bank";
  fee: string;
  min: string;
  max: string;
  minDigits: number;
  maxDigits: number;
};

type Result = { id: string; status: string; newBalance: string };

/** A quick check before sending; the server applies the same rules and has the last word. */
function accountNumberLooksRight(method: WithdrawMethodOption, raw: string): boolean {
  const number = method.kind === "ewallet" ? raw.trim().replace(/[\s-]/g, "").replace(/^\+/, "") : raw.trim();
  if (!/^\d+$/.test(number) || number.length < method.minDigits || number.length > method.maxDigits) return false;
  return method.kind === "bank" || /^(08|628)/.test(number);
}

/** The enrolment page, and back here afterwards. */
export const WITHDRAW_TWO_FACTOR_HREF = "/security/two-factor?reason=withdraw&next=/withdrawals";

export function WithdrawForm({ methods, available, twoFactorEnrolled = true }: { methods: WithdrawMethodOption[]; available: string; twoFactorEnrolled?: boolean }) {
  const t = useTranslations("withdrawals");
  const t2 = useTranslations("twoFactorWithdraw");
  // A portal withdrawal needs two-factor: asked for when the user tries (or the server says so).
  const [needsTwoFactor, setNeedsTwoFactor] = useState(false);
  const trpc = useTRPC();
  const request = useMutation(trpc.withdrawals.request.mutationOptions());
  const { run, pending, error } = useAction({ fallback: { generic: t("errors.failed"), validation: t("errors.failed") } });
  const [methodCode, setMethodCode] = useState(methods[0]?.code ?? "dana");
  const [amountText, setAmountText] = useState("");
  const [accountNumber, setAccountNumber] = useState("");
  const [accountName, setAccountName] = useState("");
  const [errors, setErrors] = useState<{ amount?: string; accountNumber?: string; accountName?: string }>({});
  const [result, setResult] = useState<Result | null>(null);
  // One key per request: a double click or a retry withdraws once; renewed after a success.
  const [idempotencyKey, renewIdempotencyKey] = useFormKey();
  const method = methods.find((m) => m.code === methodCode) ?? methods[0];

  const amount = /^\d{1,13}$/.test(amountText) ? BigInt(amountText) : null;
  const fee = method ? BigInt(method.fee) : 0n;
  const total = amount !== null && amount > 0n ? amount + fee : null;
  const range = method ? { min: formatRupiah(method.min), max: formatRupiah(method.max) } : { min: "", max: "" };
  const accountHint = !method
    ? undefined
    : method.kind === "ewallet"
      ? t("accountNumberHintEwallet", { method: method.name })
      : t("accountNumberHintBank", { method: method.name, digits: method.minDigits });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!method) return;
    setResult(null);
    const found: typeof errors = {};
    if (amount === null || amount <= 0n) found.amount = t("errors.amountInvalid");
    else if (amount < BigInt(method.min) || amount > BigInt(method.max)) found.amount = t("errors.amountRange", range);
    else if (total !== null && total > BigInt(available)) found.amount = t("errors.overBalance", { total: formatRupiah(total), available: formatRupiah(available) });
    if (!accountNumberLooksRight(method, accountNumber)) found.accountNumber = t("errors.accountNumber");
    const name = accountName.trim();
    if (name.length < 2 || name.length > 100) found.accountName = t("errors.accountName");
    setErrors(found);
    if (Object.keys(found).length || amount === null) return;
    if (!twoFactorEnrolled) return setNeedsTwoFactor(true);
    const send = async () => {
      try {
        return await request.mutateAsync({ amount, method: method.code as "dana", accountNumber, accountName: name, idempotencyKey });
      } catch (e) {
        // Refused for want of two-factor (not for an unverified email, which the banner explains).
        const refusal = e as { message?: string; data?: { appCode?: string | null } };
        if (refusal.data?.appCode === "FORBIDDEN" && /two-factor|dua faktor/i.test(refusal.message ?? "")) setNeedsTwoFactor(true);
        throw e;
      }
    };
    await run(send, {
      onSuccess: (done) => {
        renewIdempotencyKey();
        setResult({ id: done.withdrawal.id, status: done.withdrawal.status, newBalance: done.newBalance.toString() });
        setAmountText("");
        setAccountNumber("");
        setAccountName("");
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("formTitle")}>
      {result && (
        <div role="status" data-testid="withdraw-result" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          <p className="font-semibold">{t("result.title")}</p>
          <DetailList
            className="mt-2 gap-y-1"
            items={[
              { label: t("result.id"), value: result.id, testId: "withdraw-result-id", className: "font-mono text-xs leading-5" },
              { label: t("result.status"), value: <StatusBadge kind="withdrawal" status={result.status} testId="withdraw-result-status" /> },
              { label: t("result.newBalance"), value: formatRupiah(result.newBalance), testId: "withdraw-new-balance", className: "tabular font-semibold" },
            ]}
          />
          <Link href={`/withdrawals?id=${result.id}`} className="mt-1 inline-block text-emerald-800 underline">
            {t("result.view")}
          </Link>
        </div>
      )}
      {needsTwoFactor ? (
        <div role="alert" data-testid="withdraw-two-factor" className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{t2("needed")}</p>
          <Link href={WITHDRAW_TWO_FACTOR_HREF} className="font-semibold underline">
            {t2("enrol")}
          </Link>
        </div>
      ) : (
        <FormError message={error} />
      )}
      <SelectField id="withdraw-method" label={t("method")} value={methodCode} onChange={(e) => setMethodCode(e.target.value)} hint={t("methodHint", { fee: formatRupiah(fee) })}>
        {(["ewallet", "bank"] as const).map((kind) => (
          <optgroup key={kind} label={t(`kind.${kind}`)}>
            {methods
              .filter((m) => m.kind === kind)
              .map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <AmountField id="withdraw-amount" label={t("amount")} value={amountText} onValueChange={setAmountText} hint={t("amountHint", range)} error={errors.amount} />
      <Field
        id="withdraw-account-number"
        label={t("accountNumber")}
        inputMode="numeric"
        autoComplete="off"
        value={accountNumber}
        onChange={(e) => setAccountNumber(e.target.value)}
        hint={accountHint}
        error={errors.accountNumber}
      />
      <Field
        id="withdraw-account-name"
        label={t("accountName")}
        autoComplete="name"
        value={accountName}
        maxLength={100}
        onChange={(e) => setAccountName(e.target.value)}
        hint={t("accountNameHint")}
        error={errors.accountName}
      />
      <dl className="grid grid-cols-2 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
        <dt className="text-slate-600">{t("receive")}</dt>
        <dd className="tabular text-right">{amount !== null && amount > 0n ? formatRupiah(amount) : "—"}</dd>
        <dt className="text-slate-600">{t("fee")}</dt>
        <dd className="tabular text-right" data-testid="withdraw-fee">
          {formatRupiah(fee)}
        </dd>
        <dt className="font-medium">{t("total")}</dt>
        <dd className="tabular text-right font-semibold" data-testid="withdraw-total">
          {total !== null ? formatRupiah(total) : "—"}
        </dd>
      </dl>
      <SubmitButton busy={pending} label={t("submit")} busyLabel={t("submitting")} />
    </form>
  );
}
