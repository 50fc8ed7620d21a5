"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { calculateFee } from "@/lib/fees";
import { formatRupiah } from "@/lib/format";
import type { PayerLinkView } from "@/server/payment-links/views";
import { AmountField, FormError, SubmitButton } from "../../_components/field";
import { useFormKey } from "../../_lib/form-key";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

/** The payer picks QRIS or a VA (and the amount, for an open link); the payment opens on this page. */
export function PayLinkForm({ link }: { link: PayerLinkView }) {
  const t = useTranslations("payLink");
  const router = useRouter();
  const trpc = useTRPC();
  const start = useMutation(trpc.paymentLinks.startPayment.mutationOptions());
  const { run, pending, error } = useAction({ refresh: false, fallback: { generic: t("startFailed"), validation: t("startFailed") } });
  // One key per visit: a double click opens one payment.
  const [payerKey] = useFormKey();
  const [methodCode, setMethodCode] = useState(link.methods.find((m) => m.code === "QRIS")?.code ?? link.methods[0]?.code ?? "");
  const [amountText, setAmountText] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const method = link.methods.find((m) => m.code === methodCode);
  const open = link.amount === null;
  const typed = /^\d{1,13}$/.test(amountText.trim()) ? BigInt(amountText.trim()) : null;
  const amount = open ? typed : BigInt(link.amount!);
  const fee = method && amount ? calculateFee(BigInt(method.flat), BigInt(method.bps), amount) : null;
  const bounds = { min: formatRupiah(BigInt(link.minAmount ?? "0")), max: formatRupiah(BigInt(link.maxAmount ?? "0")) };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!method) return;
    if (open) {
      if (amount === null || amount <= 0n) return setFieldError(t("amountInvalid"));
      if (amount < BigInt(link.minAmount!) || amount > BigInt(link.maxAmount!)) return setFieldError(t("amountOutOfRange", bounds));
    }
    if (amount !== null && (amount < BigInt(method.min) || amount > BigInt(method.max))) {
      return setFieldError(t("methodRange", { method: method.name, min: formatRupiah(BigInt(method.min)), max: formatRupiah(BigInt(method.max)) }));
    }
    setFieldError(null);
    await run(() => start.mutateAsync({ id: link.id, method: method.code as "QRIS", amount: open ? amount : null, payerKey }), {
      onSuccess: ({ paymentId }) => router.push(`/l/${link.id}?payment=${paymentId}`),
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={error} />
      {open && <AmountField id="amount" label={t("amountLabel")} value={amountText} onValueChange={setAmountText} hint={t("amountRange", bounds)} error={fieldError} />}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("method")}</legend>
        <div className="grid gap-2">
          {link.methods.map((m) => (
            <label
              key={m.code}
              className={`flex cursor-pointer items-center justify-between gap-3 rounded-md border px-3 py-2 text-sm ${m.code === methodCode ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:bg-slate-50"}`}
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
      {!open && fieldError && <p role="alert" className="text-xs text-rose-600">{fieldError}</p>}
      <dl className="grid grid-cols-2 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
        <dt className="text-slate-600">{t("fee")}</dt>
        <dd className="tabular text-right" data-testid="link-quote-fee">{fee !== null ? formatRupiah(fee) : "—"}</dd>
        <dt className="font-medium">{t("total")}</dt>
        <dd className="tabular text-right font-semibold" data-testid="link-quote-total">
          {fee !== null && amount !== null ? formatRupiah(amount + fee) : "—"}
        </dd>
      </dl>
      <SubmitButton busy={pending} label={t("pay")} busyLabel={t("starting")} />
    </form>
  );
}
