"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { formatRupiah, parseWholeRupiah } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { AmountField, Field, FormError, SelectField } from "../../_components/field";
import { ConfirmButton } from "../../_components/confirm-box";
import { StatusBadge } from "../../_components/status-badge";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

type Mandate = { id: string; bankCode: string; accountNumber: string; accountName: string; targetBalance: string; monthlyCap: string; status: string; failureReason: string | null };
const BANKS = ["bca", "bni", "bri", "mandiri", "permata"] as const;
type MandateBank = (typeof BANKS)[number];

export function MandateCard({ mandates }: { mandates: Mandate[] }) {
  const t = useTranslations("treasury");
  const trpc = useTRPC();
  const create = useMutation(trpc.treasury.createMandate.mutationOptions());
  const confirm = useMutation(trpc.treasury.confirmMandate.mutationOptions());
  const change = useMutation(trpc.treasury.changeMandate.mutationOptions());
  const [sandboxOtp, setSandboxOtp] = useState<string | null>(null);
  const [otp, setOtp] = useState("");
  const [form, setForm] = useState<{ bankCode: MandateBank; accountNumber: string; accountName: string; targetBalance: string; monthlyCap: string }>({
    bankCode: "bca",
    accountNumber: "",
    accountName: "",
    targetBalance: "",
    monthlyCap: "",
  });

  const { run, pending, error, setError } = useAction();

  async function onRegister(event: FormEvent) {
    event.preventDefault();
    const targetBalance = parseWholeRupiah(form.targetBalance);
    const monthlyCap = parseWholeRupiah(form.monthlyCap);
    if (!targetBalance || !monthlyCap) return setError(t("amountInvalid"));
    await run(async () => {
      const created = await create.mutateAsync({ ...form, targetBalance, monthlyCap });
      setSandboxOtp(created.sandboxOtp);
    });
  }

  const awaitingOtp = mandates.find((m) => m.status === "pending_otp");
  return (
    <div className="flex flex-col gap-4">
      <FormError message={error} />
      {mandates.length === 0 && <p className="text-sm text-slate-500">{t("noMandate")}</p>}
      {mandates.map((m) => (
        <div key={m.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="mandate">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">
              {m.bankCode.toUpperCase()} · {m.accountNumber} · {m.accountName}
            </span>
            <StatusBadge kind="mandate" status={m.status} />
          </div>
          <p className="mt-1 text-slate-600">
            {t("targetBalance")}: {formatRupiah(BigInt(m.targetBalance))} · {t("monthlyCap")}: {formatRupiah(BigInt(m.monthlyCap))}
          </p>
          {m.failureReason && <p className="mt-1 text-rose-700">{m.failureReason}</p>}
          <div className="mt-2 flex flex-wrap gap-2">
            {m.status === "active" && <button type="button" disabled={pending} className={buttonClass("secondary")} onClick={() => run(() => change.mutateAsync({ id: m.id, action: "pause" }))}>{t("pause")}</button>}
            {(m.status === "paused" || m.status === "failing") && <button type="button" disabled={pending} className={buttonClass("secondary")} onClick={() => run(() => change.mutateAsync({ id: m.id, action: "resume" }))}>{t("resume")}</button>}
            <ConfirmButton
              tone="danger"
              variant="dangerOutline"
              texts={{ trigger: t("revoke"), question: t("revokeQuestion"), confirm: t("revokeConfirm"), cancel: t("cancel") }}
              busy={pending}
              onConfirm={() => run(() => change.mutateAsync({ id: m.id, action: "revoke" }))}
            />
          </div>
        </div>
      ))}
      {awaitingOtp && (
        <form
          className="flex flex-wrap items-end gap-2 rounded-md bg-amber-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => confirm.mutateAsync({ id: awaitingOtp.id, otp }));
          }}
        >
          <p className="w-full text-sm font-medium">{t("otpTitle")}</p>
          {sandboxOtp && <p className="w-full text-sm text-amber-800" data-testid="sandbox-otp">{t("sandboxOtp", { otp: sandboxOtp })}</p>}
          <Field id="otp" label={t("otp")} inputMode="numeric" value={otp} onChange={(e) => setOtp(e.target.value)} />
          <button type="submit" disabled={pending} className={buttonClass("primary", "lg")}>{t("confirm")}</button>
        </form>
      )}
      {!mandates.some((m) => m.status !== "revoked") && (
        <form onSubmit={onRegister} className="grid gap-3 sm:grid-cols-2" noValidate>
          <SelectField id="bankCode" label={t("bank")} value={form.bankCode} onChange={(e) => setForm({ ...form, bankCode: e.target.value as MandateBank })} options={BANKS.map((b) => ({ value: b, label: b.toUpperCase() }))} />
          <Field id="mandateAccountNumber" label={t("accountNumber")} inputMode="numeric" value={form.accountNumber} onChange={(e) => setForm({ ...form, accountNumber: e.target.value })} />
          <Field id="mandateAccountName" label={t("accountName")} value={form.accountName} onChange={(e) => setForm({ ...form, accountName: e.target.value })} />
          <AmountField id="targetBalance" label={t("targetBalance")} value={form.targetBalance} onValueChange={(targetBalance) => setForm({ ...form, targetBalance })} />
          <AmountField id="monthlyCap" label={t("monthlyCap")} value={form.monthlyCap} onValueChange={(monthlyCap) => setForm({ ...form, monthlyCap })} />
          <div className="flex items-end">
            <button type="submit" disabled={pending} className={buttonClass("primary", "lg")}>{t("register")}</button>
          </div>
        </form>
      )}
    </div>
  );
}
