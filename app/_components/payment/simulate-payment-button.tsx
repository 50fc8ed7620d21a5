"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Sandbox only: asks the sandbox gateway to pay this deposit (POST /api/sandbox/pay). */
export function SimulatePaymentButton({ reference }: { reference: string }) {
  const t = useTranslations("payment");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function simulate() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/sandbox/pay", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ reference }) });
      const body = (await res.json().catch(() => ({}))) as { success?: boolean; error?: string; webhook_response?: { error?: string; outcome?: string } };
      if (!res.ok || !body.success) setError(t("simulateFailed", { reason: body.error ?? body.webhook_response?.error ?? body.webhook_response?.outcome ?? res.status }));
    } catch (e) {
      setError(t("simulateFailed", { reason: String(e) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        onClick={simulate}
        disabled={busy}
        className="rounded-md border border-dashed border-brand-500 bg-brand-50 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-100 disabled:opacity-60"
      >
        {busy ? t("simulating") : t("simulate")}
      </button>
      {error && <p role="alert" className="text-xs text-rose-600">{error}</p>}
      <p className="text-xs text-slate-500">{t("sandboxNote")}</p>
    </div>
  );
}
