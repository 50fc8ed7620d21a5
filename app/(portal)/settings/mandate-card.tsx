"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { formatRupiah, parseWholeRupiah } from "@/lib/format";
import { Field, FormError } from "../../_components/field";
import { Badge } from "../../_components/ui";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

type Mandate = { id: string; bankCode: string; accountNumber: string; accountName: string; targetBalance: string; monthlyCap: string; status: string; failureReason: string | null };
const TONES = { pending_otp: "amber", active: "green", paused: "grey", revoked: "grey", failing: "red" } as const;

export function MandateCard({ mandates }: { mandates: Mandate[] }) {
  const t = useTranslations("treasury");
  const trpc = useTRPC();
  const create = useMutation(trpc.treasury.createMandate.mutationOptions());
  const confirm = useMutation(trpc.treasury.confirmMandate.mutationOptions());
  const change = useMutation(trpc.treasury.changeMandate.mutationOptions());
  const [sandboxOtp, setSandboxOtp] = useState<string | null>(null);
  const [otp, setOtp] = useState("");
  const [confirmRevoke, setConfirmRevoke] = useState<string | null>(null);
  const [form, setForm] = useState({ bankCode: "bca", accountNumber: "", accountName: "", targetBalance: "", monthlyCap: "" });

  const { run, error, setError } = useAction();

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

  const pending = mandates.find((m) => m.status === "pending_otp");
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
            <Badge tone={TONES[m.status as keyof typeof TONES] ?? "grey"}>{t(`mandateStatus.${m.status as "active"}`)}</Badge>
          </div>
          <p className="mt-1 text-slate-600">
            {t("targetBalance")}: {formatRupiah(BigInt(m.targetBalance))} · {t("monthlyCap")}: {formatRupiah(BigInt(m.monthlyCap))}
          </p>
          {m.failureReason && <p className="mt-1 text-rose-700">{m.failureReason}</p>}
          <div className="mt-2 flex flex-wrap gap-2">
            {m.status === "active" && <button type="button" className="rounded-md border border-slate-300 px-2 py-1" onClick={() => run(() => change.mutateAsync({ id: m.id, action: "pause" }))}>{t("pause")}</button>}
            {(m.status === "paused" || m.status === "failing") && <button type="button" className="rounded-md border border-slate-300 px-2 py-1" onClick={() => run(() => change.mutateAsync({ id: m.id, action: "resume" }))}>{t("resume")}</button>}
            {confirmRevoke === m.id ? (
              <span role="alertdialog" aria-label={t("revoke")} className="flex flex-wrap items-center gap-2 rounded-md bg-rose-50 px-2 py-1">
                {t("revokeQuestion")}
                <button type="button" className="rounded-md bg-rose-600 px-2 py-1 text-white" onClick={() => run(() => change.mutateAsync({ id: m.id, action: "revoke" }))}>{t("revokeConfirm")}</button>
                <button type="button" className="rounded-md border border-slate-300 bg-white px-2 py-1" onClick={() => setConfirmRevoke(null)}>{t("cancel")}</button>
              </span>
            ) : (
              <button type="button" className="rounded-md border border-rose-300 px-2 py-1 text-rose-700" onClick={() => setConfirmRevoke(m.id)}>{t("revoke")}</button>
            )}
          </div>
        </div>
      ))}
      {pending && (
        <form
          className="flex flex-wrap items-end gap-2 rounded-md bg-amber-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => confirm.mutateAsync({ id: pending.id, otp }));
          }}
        >
          <p className="w-full text-sm font-medium">{t("otpTitle")}</p>
          {sandboxOtp && <p className="w-full text-sm text-amber-800" data-testid="sandbox-otp">{t("sandboxOtp", { otp: sandboxOtp })}</p>}
          <Field id="otp" label={t("otp")} inputMode="numeric" value={otp} onChange={(e) => setOtp(e.target.value)} />
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white">{t("confirm")}</button>
        </form>
      )}
      {!mandates.some((m) => m.status !== "revoked") && (
        <form onSubmit={onRegister} className="grid gap-3 sm:grid-cols-2" noValidate>
          <div className="flex flex-col gap-1">
            <label htmlFor="bankCode" className="text-sm font-medium text-slate-700">{t("bank")}</label>
            <select id="bankCode" value={form.bankCode} onChange={(e) => setForm({ ...form, bankCode: e.target.value })} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
              {["bca", "bni", "bri", "mandiri", "permata"].map((b) => <option key={b} value={b}>{b.toUpperCase()}</option>)}
            </select>
          </div>
          <Field id="mandateAccountNumber" label={t("accountNumber")} inputMode="numeric" value={form.accountNumber} onChange={(e) => setForm({ ...form, accountNumber: e.target.value })} />
          <Field id="mandateAccountName" label={t("accountName")} value={form.accountName} onChange={(e) => setForm({ ...form, accountName: e.target.value })} />
          <Field id="targetBalance" label={t("targetBalance")} inputMode="numeric" value={form.targetBalance} onChange={(e) => setForm({ ...form, targetBalance: e.target.value })} />
          <Field id="monthlyCap" label={t("monthlyCap")} inputMode="numeric" value={form.monthlyCap} onChange={(e) => setForm({ ...form, monthlyCap: e.target.value })} />
          <div className="flex items-end">
            <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">{t("register")}</button>
          </div>
        </form>
      )}
    </div>
  );
}
