"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";
import { useState, type FormEvent } from "react";
import { formatWib } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { ConfirmBox } from "../../_components/confirm-box";
import { Field, FormError, FormNotice } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

type Props = { enrolled: boolean; enabledAt: string | null; recoveryCodesLeft: number; required: boolean; next: string };

/** Enrolment (secret → QR → confirming code → recovery codes once) and, once on, regenerate / turn off. */
export function TwoFactorPanel({ enrolled, enabledAt, recoveryCodesLeft, next }: Props) {
  const t = useTranslations("twoFactor");
  const locale = useLocale();
  const trpc = useTRPC();
  const start = useMutation(trpc.twoFactor.start.mutationOptions());
  const confirm = useMutation(trpc.twoFactor.confirm.mutationOptions());
  const regenerate = useMutation(trpc.twoFactor.regenerateRecoveryCodes.mutationOptions());
  const disable = useMutation(trpc.twoFactor.disable.mutationOptions());
  // Recovery codes must stay on screen after the page refreshes into its "on" state.
  const { run, pending, error, setError, notice } = useAction({ refresh: false });
  const [pendingSecret, setPendingSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState("");
  const [asking, setAsking] = useState(false);

  if (codes) {
    return (
      <section aria-labelledby="codes-title" className="flex flex-col gap-3">
        <h2 id="codes-title" className="font-semibold">{t("codesTitle")}</h2>
        <p className="text-sm text-slate-600">{t("codesBody")}</p>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-3 font-mono text-sm sm:grid-cols-5">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <FormNotice message={notice} />
        {/* A full navigation, so layouts read the new state at once. */}
        <a href={enrolled ? "/security/two-factor" : next} className={buttonClass("primary", "lg", "self-start")}>
          {t("codesSaved")}
        </a>
      </section>
    );
  }

  if (!enrolled) {
    function onConfirm(event: FormEvent) {
      event.preventDefault();
      if (!code.trim()) return setError(t("codeMissing"));
      void run(() => confirm.mutateAsync({ code: code.trim() }), { onSuccess: (r) => setCodes(r.recoveryCodes) });
    }
    return (
      <section aria-labelledby="setup-title" className="flex flex-col gap-4">
        <div>
          <h2 id="setup-title" className="font-semibold">{t("setupTitle")}</h2>
          <p className="text-sm text-slate-600">{t("setupBody")}</p>
        </div>
        <p className="text-sm">
          {t("statusLabel")}: <span data-testid="two-factor-status">{t("statusOff")}</span>
        </p>
        {!pendingSecret ? (
          <>
            <FormError message={error} />
            <button type="button" disabled={pending} aria-busy={pending} className={buttonClass("primary", "lg", "self-start")} onClick={() => void run(() => start.mutateAsync(), { onSuccess: setPendingSecret })}>
              {pending ? t("starting") : t("start")}
            </button>
          </>
        ) : (
          <form onSubmit={onConfirm} className="flex flex-col gap-4" noValidate>
            <div className="flex flex-col items-start gap-4 sm:flex-row">
              <div className="rounded-md border border-slate-200 bg-white p-3">
                <QRCodeSVG value={pendingSecret.uri} size={176} role="img" aria-label={t("qrLabel")} data-testid="totp-qr" />
              </div>
              <div className="flex min-w-0 flex-col gap-1">
                <span className="text-sm font-medium text-slate-700" id="secret-label">{t("secretLabel")}</span>
                <code aria-labelledby="secret-label" data-testid="totp-secret" className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm">
                  {pendingSecret.secret.replace(/(.{4})/g, "$1 ").trim()}
                </code>
              </div>
            </div>
            <Field
              id="totp-code"
              label={t("code")}
              hint={t("codeHint")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={error}
              className="max-w-xs"
            />
            <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "lg", "self-start")}>
              {pending ? t("confirming") : t("confirm")}
            </button>
          </form>
        )}
      </section>
    );
  }

  function onRegenerate() {
    if (!code.trim()) return setError(t("codeMissing"));
    void run(() => regenerate.mutateAsync({ code: code.trim() }), { onSuccess: (r) => setCodes(r.recoveryCodes), done: t("regenerated") });
  }

  return (
    <section aria-labelledby="manage-title" className="flex flex-col gap-4">
      <h2 id="manage-title" className="sr-only">{t("title")}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("statusLabel")}</dt>
        <dd data-testid="two-factor-status" className="font-medium text-emerald-700">{t("statusOn")}</dd>
        {enabledAt && (
          <>
            <dt className="text-slate-500">{t("enabledSince")}</dt>
            <dd>{formatWib(enabledAt, locale)}</dd>
          </>
        )}
        <dt className="text-slate-500">{t("recoveryLeft")}</dt>
        <dd className="tabular" data-testid="recovery-left">{recoveryCodesLeft}</dd>
      </dl>
      <Field
        id="manage-code"
        label={t("manageCode")}
        hint={t("manageCodeHint")}
        autoComplete="one-time-code"
        maxLength={32}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error}
        className="max-w-xs"
      />
      <FormNotice message={notice} />
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending} className={buttonClass("secondary")} onClick={onRegenerate}>
          {t("regenerate")}
        </button>
        {!asking && (
          <button
            type="button"
            disabled={pending}
            className={buttonClass("danger")}
            onClick={() => (code.trim() ? setAsking(true) : setError(t("codeMissing")))}
          >
            {t("disable")}
          </button>
        )}
      </div>
      {asking && (
        <ConfirmBox
          tone="danger"
          label={t("disable")}
          question={t("disableQuestion")}
          confirmLabel={t("disableConfirm")}
          cancelLabel={t("cancel")}
          busy={pending}
          onCancel={() => setAsking(false)}
          onConfirm={() =>
            void run(() => disable.mutateAsync({ code: code.trim() }), {
              onSuccess: () => {
                setAsking(false);
                // A full load: the layouts decide again where this user may go.
                window.location.assign("/security/two-factor");
              },
            })
          }
        />
      )}
    </section>
  );
}
