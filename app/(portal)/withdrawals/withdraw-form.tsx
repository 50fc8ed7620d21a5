"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatRupiah } from "@/lib/format";
import { Field, FormError, SubmitButton } from "../../_components/field";
import { WithdrawalStatusBadge } from "../../_components/withdrawal-status-badge";
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

export function WithdrawForm({ methods, available }: { methods: WithdrawMethodOption[]; available: string }) {
  const t = useTranslations("withdrawals");
  const router = useRouter();
  const trpc = useTRPC();
  const request = useMutation(trpc.withdrawals.request.mutationOptions());
  const [methodCode, setMethodCode] = useState(methods[0]?.code ?? "dana");
  const [amountText, setAmountText] = useState("");
  const [accountNumber, setAccountNumber] = useState("");
  const [accountName, setAccountName] = useState("");
  const [errors, setErrors] = useState<{ amount?: string; accountNumber?: string; accountName?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
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
    setFormError(null);
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
    try {
      const done = await request.mutateAsync({ amount, method: method.code as "dana", accountNumber, accountName: name });
      setResult({ id: done.withdrawal.id, status: done.withdrawal.status, newBalance: done.newBalance.toString() });
      setAmountText("");
      setAccountNumber("");
      setAccountName("");
      router.refresh();
    } catch (e) {
      setFormError((e as Error).message || t("errors.failed"));
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("formTitle")}>
      {result && (
        <div role="status" data-testid="withdraw-result" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          <p className="font-semibold">{t("result.title")}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt>{t("result.id")}</dt>
            <dd className="font-mono text-xs leading-5" data-testid="withdraw-result-id">{result.id}</dd>
            <dt>{t("result.status")}</dt>
            <dd data-testid="withdraw-result-status" data-status={result.status}>
              <WithdrawalStatusBadge status={result.status} />
            </dd>
            <dt>{t("result.newBalance")}</dt>
            <dd className="tabular font-semibold" data-testid="withdraw-new-balance">{formatRupiah(result.newBalance)}</dd>
          </dl>
          <Link href={`/withdrawals?id=${result.id}`} className="mt-1 inline-block text-emerald-800 underline">
            {t("result.view")}
          </Link>
        </div>
      )}
      <FormError message={formError} />
      <div className="flex flex-col gap-1">
        <label htmlFor="withdraw-method" className="text-sm font-medium text-slate-700">
          {t("method")}
        </label>
        <select
          id="withdraw-method"
          value={methodCode}
          onChange={(e) => setMethodCode(e.target.value)}
          aria-describedby="withdraw-method-hint"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500"
        >
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
        </select>
        <p id="withdraw-method-hint" className="text-xs text-slate-500">
          {t("methodHint", { fee: formatRupiah(fee) })}
        </p>
      </div>
      <Field
        id="withdraw-amount"
        label={t("amount")}
        inputMode="numeric"
        autoComplete="off"
        value={amountText}
        onChange={(e) => setAmountText(e.target.value.replace(/[^\d]/g, ""))}
        hint={t("amountHint", range)}
        error={errors.amount}
      />
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
      <SubmitButton busy={request.isPending} label={t("submit")} busyLabel={t("submitting")} />
    </form>
  );
}
