"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { formatWib } from "@/lib/format";
import { buttonClass } from "../../../_components/button";
import { ConfirmButton } from "../../../_components/confirm-box";
import { CopyButton } from "../../../_components/copy-button";
import { Field, FormError, FormNotice } from "../../../_components/field";
import { useAction } from "../../../_lib/use-action";
import { useTRPC } from "../../../_trpc/client";

type Endpoint = { url: string; eventTypeList: string[]; secretHint: string; rotating: boolean; previousSecretExpiresAt: Date | null; status: string; disabledReason: string | null } | null;

export function EndpointForm({ endpoint, eventTypes }: { endpoint: Endpoint; eventTypes: string[] }) {
  const t = useTranslations("webhooks");
  const locale = useLocale();
  const trpc = useTRPC();
  const save = useMutation(trpc.webhooks.saveEndpoint.mutationOptions());
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions());
  const sendTest = useMutation(trpc.webhooks.sendTest.mutationOptions());
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [selected, setSelected] = useState<string[]>(endpoint?.eventTypeList ?? []);
  const [secret, setSecret] = useState<string | null>(null);
  const { run, pending, error, notice } = useAction();

  function onSave(event: FormEvent) {
    event.preventDefault();
    void run(() => save.mutateAsync({ url, eventTypes: selected }), { onSuccess: (result) => result.secret && setSecret(result.secret), done: t("saved") });
  }

  function onTest() {
    void run(() => sendTest.mutateAsync({}), {
      done: (result) => (result.statusCode !== null ? t("testResult", { status: result.statusCode, latency: result.latencyMs }) : t("testFailed", { error: result.error ?? "?" })),
    });
  }

  const toggle = (type: string) => setSelected((s) => (s.includes(type) ? s.filter((x) => x !== type) : [...s, type]));

  return (
    <div className="flex flex-col gap-4">
      {endpoint?.status === "disabled" && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{t("disabled", { reason: endpoint.disabledReason ?? "" })}</p>
      )}
      {!endpoint && <p className="text-sm text-slate-600">{t("noEndpoint")}</p>}
      <FormError message={error} />
      <FormNotice message={notice} testId="webhook-notice" />
      {secret && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="webhook-secret">
          <p className="text-sm font-medium text-amber-900">{t("secretOnce")}</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 text-xs">{secret}</code>
            <CopyButton value={secret} label={t("secretTitle")} />
          </div>
        </div>
      )}
      <form onSubmit={onSave} className="flex flex-col gap-4" noValidate>
        <Field id="callback-url" label={t("url")} hint={t("urlHint")} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/saldo/callback" />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("eventTypes")}</legend>
          <label className="mb-1 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={selected.length === 0} onChange={() => setSelected([])} /> {t("allEvents")}
          </label>
          <div className="grid gap-1 sm:grid-cols-2">
            {eventTypes.map((type) => (
              <label key={type} className="flex items-center gap-2 font-mono text-xs">
                <input type="checkbox" checked={selected.includes(type)} onChange={() => toggle(type)} /> {type}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className={buttonClass("primary", "lg")}>
            {save.isPending ? t("saving") : t("save")}
          </button>
          {endpoint && (
            <button type="button" onClick={onTest} disabled={pending} className={buttonClass("secondary", "lg")}>
              {sendTest.isPending ? t("sending") : t("sendTest")}
            </button>
          )}
        </div>
      </form>
      {endpoint && (
        <div className="border-t border-slate-200 pt-4 text-sm">
          <h3 className="font-medium">{t("secretTitle")}</h3>
          <p className="text-slate-600">{t("secretHint", { hint: endpoint.secretHint })}</p>
          {endpoint.rotating && endpoint.previousSecretExpiresAt && <p className="text-amber-700">{t("rotating", { until: formatWib(endpoint.previousSecretExpiresAt, locale) })}</p>}
          <div className="mt-2">
            <ConfirmButton
              tone="warning"
              texts={{ trigger: t("rotate"), question: t("rotateQuestion"), confirm: t("rotateConfirm"), cancel: t("cancel") }}
              busy={pending}
              onConfirm={() => run(() => rotate.mutateAsync(), { onSuccess: (result) => setSecret(result.secret) })}
            />
          </div>
        </div>
      )}
    </div>
  );
}
