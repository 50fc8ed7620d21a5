"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { calculateFee } from "@/lib/fees";
import { formatRupiah } from "@/lib/format";
import { AmountField, FormError, SubmitButton } from "../../_components/field";
import { useFormKey } from "../../_lib/form-key";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export type MethodOption = { code: string; name: string; flat: string; bps: string; min: string; max: string };

export function TopupForm({ methods }: { methods: MethodOption[] }) {
  const t = useTranslations("deposits");
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.deposits.create.mutationOptions());
  // Success goes to the new invoice's page; nothing here needs refreshing.
  const { run, pending, error } = useAction({ refresh: false, fallback: { generic: t("createFailed"), validation: t("createFailed") } });
  const [methodCode, setMethodCode] = useState(methods.find((m) => m.code === "QRIS")?.code ?? methods[0]?.code ?? "");
  const [amountText, setAmountText] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  // One key per top-up: a double click or a retry opens one deposit; renewed after a success.
  const [idempotencyKey, renewIdempotencyKey] = useFormKey();
  const method = methods.find((m) => m.code === methodCode);

  const amount = /^\d{1,13}$/.test(amountText.trim()) ? BigInt(amountText.trim()) : null;
  const fee = method && amount ? calculateFee(BigInt(method.flat), BigInt(method.bps), amount) : null;
  const range = method ? { min: formatRupiah(BigInt(method.min)), max: formatRupiah(BigInt(method.max)) } : { min: "", max: "" };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!method || amount === null || amount <= 0n) return setFieldError(t("amountInvalid"));
    if (amount < BigInt(method.min) || amount > BigInt(method.max)) return setFieldError(t("amountRange", range));
    setFieldError(null);
    await run(() => create.mutateAsync({ method: method.code as "QRIS", amount, idempotencyKey }), {
      onSuccess: (deposit) => {
        renewIdempotencyKey();
        router.push(`/invoices/${deposit.id}`);
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormError message={error} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("method")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {methods.map((m) => (
            <label
              key={m.code}
              className={`flex cursor-pointer items-center justify-between gap-3 rounded-md border px-3 py-2 text-sm ${
                m.code === methodCode ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:bg-slate-50"
              }`}
            >
              <span className="flex items-center gap-2">
                <input type="radio" name="method" value={m.code} checked={m.code === methodCode} onChange={() => setMethodCode(m.code)} />
                {m.name}
              </span>
              <span className="text-xs text-slate-600">
                {m.flat !== "0" ? formatRupiah(BigInt(m.flat)) : ""}
                {m.flat !== "0" && m.bps !== "0" ? " + " : ""}
                {m.bps !== "0" ? `${Number(m.bps) / 100}%` : ""}
                {m.flat === "0" && m.bps === "0" ? "Rp 0" : ""}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <AmountField id="amount" label={t("amount")} value={amountText} onValueChange={setAmountText} hint={t("amountHint", range)} error={fieldError} />
      <dl className="grid grid-cols-2 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
        <dt className="text-slate-600">{t("fee")}</dt>
        <dd className="tabular text-right" data-testid="quote-fee">{fee !== null ? formatRupiah(fee) : "—"}</dd>
        <dt className="font-medium">{t("total")}</dt>
        <dd className="tabular text-right font-semibold" data-testid="quote-total">
          {fee !== null && amount !== null ? formatRupiah(amount + fee) : "—"}
        </dd>
        <dt className="text-slate-600">{t("credited")}</dt>
        <dd className="tabular text-right">{amount !== null ? formatRupiah(amount) : "—"}</dd>
      </dl>
      {methodCode === "BANK_TRANSFER" && <p className="text-xs text-slate-500">{t("uniqueCodeNote")}</p>}
      <SubmitButton busy={pending} label={t("create")} busyLabel={t("creating")} />
    </form>
  );
}
