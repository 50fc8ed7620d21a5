"use client";
// The merchant's prepaid (IAK-compatible) API credentials: the username (its registered phone
// number, settable once when missing) and the prepaid key, shown on demand and regenerable
// behind an inline confirmation; an optional IP allow-list (rc 102 from anywhere else).
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { buttonClass } from "../../_components/button";
import { ConfirmButton } from "../../_components/confirm-box";
import { CopyButton } from "../../_components/copy-button";
import { Field, FormError, FormNotice } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

const ENDPOINTS = ["top-up", "check-status", "pricelist", "check-balance", "inquiry-pln"];

export function PrepaidApiCard({ username, apiKey, ipAllowlist }: { username: string | null; apiKey: string | null; ipAllowlist?: string | null }) {
  const t = useTranslations("prepaid");
  const trpc = useTRPC();
  const regenerate = useMutation(trpc.prepaid.regenerateKey.mutationOptions());
  const setUsername = useMutation(trpc.prepaid.setUsername.mutationOptions());
  const saveIps = useMutation(trpc.prepaid.setIpAllowlist.mutationOptions());
  const [ips, setIps] = useState((ipAllowlist ?? "").split(",").join(", "));
  const [key, setKey] = useState(apiKey);
  const [visible, setVisible] = useState(false);
  const [phone, setPhone] = useState("");
  const { run, pending, error, notice } = useAction({ fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });

  function onRegenerate() {
    return run(() => regenerate.mutateAsync(), {
      onSuccess: (result) => {
        setKey(result.apiKey);
        setVisible(true);
      },
      done: t("api.regenerated"),
    });
  }

  function onSaveIps(event: FormEvent) {
    event.preventDefault();
    void run(() => saveIps.mutateAsync({ ipAllowlist: ips }), {
      onSuccess: (result) => setIps((result.ipAllowlist ?? "").split(",").join(", ")),
      done: t("api.ipAllowlistSaved"),
    });
  }

  function onSetUsername(event: FormEvent) {
    event.preventDefault();
    void run(() => setUsername.mutateAsync({ phone }));
  }

  return (
    <div className="flex flex-col gap-4 p-4" data-testid="prepaid-api-card">
      <div>
        <h2 className="font-semibold">{t("api.title")}</h2>
        <p className="mt-0.5 text-sm text-slate-600">{t("api.subtitle")}</p>
      </div>
      <FormError message={error} />
      <FormNotice message={notice} />

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
            <button type="submit" disabled={pending} className={buttonClass("secondary", "md", "self-start")}>
              {pending ? t("api.savingPhone") : t("api.savePhone")}
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
            <button type="button" onClick={() => setVisible((v) => !v)} className={buttonClass("secondary", "sm")}>
              {visible ? t("api.hide") : t("api.show")}
            </button>
            <CopyButton value={key} label={t("api.key")} />
          </div>
        ) : (
          <p className="text-xs text-slate-600">{t("api.noKey")}</p>
        )}
        <div className="mt-1">
          <ConfirmButton
            tone="warning"
            texts={{ trigger: key ? t("api.regenerate") : t("api.generate"), question: t("api.regenerateQuestion"), confirm: t("api.regenerateConfirm"), busy: t("api.regenerating"), cancel: t("api.cancel") }}
            ask={Boolean(key)}
            busy={pending}
            onConfirm={onRegenerate}
          />
        </div>
      </div>

      <form onSubmit={onSaveIps} className="flex flex-col gap-2">
        <Field id="prepaid-ip-allowlist" label={t("api.ipAllowlist")} hint={t("api.ipAllowlistHint")} autoComplete="off" spellCheck={false} value={ips} onChange={(e) => setIps(e.target.value)} maxLength={1000} />
        <button type="submit" disabled={pending} className={buttonClass("secondary", "md", "self-start")}>
          {pending ? t("api.savingIpAllowlist") : t("api.saveIpAllowlist")}
        </button>
      </form>

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
