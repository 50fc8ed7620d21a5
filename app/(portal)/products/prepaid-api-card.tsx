"use client";
// The merchant's prepaid (IAK-compatible) API credentials: the username (its registered phone
// number, settable once when missing) and the prepaid key, shown on demand and regenerable
// behind an inline confirmation.
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CopyButton } from "../../_components/copy-button";
import { Field } from "../../_components/field";
import { useTRPC } from "../../_trpc/client";
import { trpcErrorText } from "@/app/_lib/error-message";

const ENDPOINTS = ["top-up", "check-status", "pricelist", "check-balance", "inquiry-pln"];

export function PrepaidApiCard({ username, apiKey }: { username: string | null; apiKey: string | null }) {
  const t = useTranslations("prepaid");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const regenerate = useMutation(trpc.prepaid.regenerateKey.mutationOptions());
  const setUsername = useMutation(trpc.prepaid.setUsername.mutationOptions());
  const [key, setKey] = useState(apiKey);
  const [visible, setVisible] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phone, setPhone] = useState("");
  const errorText = (e: unknown) => trpcErrorText(e, locale, { generic: t("errors.generic"), validation: t("errors.validation") });

  async function onRegenerate() {
    setError(null);
    setNotice(null);
    try {
      const result = await regenerate.mutateAsync();
      setKey(result.apiKey);
      setVisible(true);
      setConfirming(false);
      setNotice(t("api.regenerated"));
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function onSetUsername(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await setUsername.mutateAsync({ phone });
      router.refresh();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div className="flex flex-col gap-4 p-4" data-testid="prepaid-api-card">
      <div>
        <h2 className="font-semibold">{t("api.title")}</h2>
        <p className="mt-0.5 text-sm text-slate-600">{t("api.subtitle")}</p>
      </div>
      {error && <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{error}</p>}
      {notice && <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{notice}</p>}

      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium text-slate-700">{t("api.username")}</span>
        {username ? (
          <div className="flex items-center gap-2">
            <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm" data-testid="prepaid-username">{username}</code>
            <CopyButton value={username} label={t("api.username")} />
          </div>
        ) : (
          <form onSubmit={onSetUsername} className="flex flex-col gap-2">
            <p className="text-xs text-slate-600">{t("api.noUsername")}</p>
            <Field id="prepaid-phone" label={t("api.phone")} inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
            <button type="submit" disabled={setUsername.isPending} className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
              {setUsername.isPending ? t("api.savingPhone") : t("api.savePhone")}
            </button>
          </form>
        )}
        {username && <span className="text-xs text-slate-500">{t("api.usernameHint")}</span>}
      </div>

      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium text-slate-700">{t("api.key")}</span>
        {key ? (
          <div className="flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm" data-testid="prepaid-key">
              {visible ? key : "•".repeat(16)}
            </code>
            <button type="button" onClick={() => setVisible((v) => !v)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50">
              {visible ? t("api.hide") : t("api.show")}
            </button>
            <CopyButton value={key} label={t("api.key")} />
          </div>
        ) : (
          <p className="text-xs text-slate-600">{t("api.noKey")}</p>
        )}
        {!confirming ? (
          <button
            type="button"
            onClick={() => (key ? setConfirming(true) : void onRegenerate())}
            disabled={regenerate.isPending}
            className="mt-1 self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
          >
            {regenerate.isPending ? t("api.regenerating") : key ? t("api.regenerate") : t("api.generate")}
          </button>
        ) : (
          <div role="alertdialog" aria-label={t("api.regenerate")} className="mt-1 flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3">
            <p className="text-sm text-amber-900">{t("api.regenerateQuestion")}</p>
            <div className="flex gap-2">
              <button
                type="button"
                disabled={regenerate.isPending}
                onClick={() => void onRegenerate()}
                className="rounded-md bg-amber-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-amber-700 disabled:opacity-60"
              >
                {regenerate.isPending ? t("api.regenerating") : t("api.regenerateConfirm")}
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
                {t("api.cancel")}
              </button>
            </div>
          </div>
        )}
      </div>

      <div className="text-xs text-slate-600">
        <p className="mb-1">{t("api.signRule")}</p>
        <p className="font-medium text-slate-700">{t("api.endpoints")}</p>
        <ul className="font-mono">
          {ENDPOINTS.map((path) => (
            <li key={path}>POST /api/prepaid/{path}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
