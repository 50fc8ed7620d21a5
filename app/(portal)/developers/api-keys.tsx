"use client";
// The interactive parts of the Developers page: creating a key (shown once) and revoking one
// behind an inline confirm step. The table itself is rendered on the server; after a change we
// ask for a fresh render with router.refresh(), which keeps this component's state (the new key).
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { buttonClass } from "../../_components/button";
import { ConfirmButton } from "../../_components/confirm-box";
import { Field, FormError, SubmitButton } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

const secondaryButton = buttonClass("secondary");

export function CreateApiKeyForm() {
  const t = useTranslations("developers");
  const trpc = useTRPC();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const { run, pending, error } = useAction({ fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; ipAllowlist?: string }>({});
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "").trim();
    const ipAllowlist = String(data.get("ipAllowlist") ?? "").trim();
    const errors = {
      name: name.length < 1 || name.length > 60 ? t("create.validation.name") : undefined,
      ipAllowlist: ipAllowlist.length > 1000 ? t("create.validation.ipAllowlist") : undefined,
    };
    setFieldErrors(errors);
    if (errors.name || errors.ipAllowlist) return;
    await run(() => create.mutateAsync({ name, ipAllowlist: ipAllowlist || undefined }), {
      onSuccess: (result) => {
        setCreated({ name, key: result.key });
        form.reset();
      },
    });
  }

  return (
    <div className="flex flex-col gap-4">
      {created && <NewKeyNotice name={created.name} apiKey={created.key} onDismiss={() => setCreated(null)} />}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="create-api-key-title">
        <h3 id="create-api-key-title" className="font-semibold">
          {t("create.title")}
        </h3>
        <FormError message={error} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="api-key-name" name="name" label={t("create.name")} hint={t("create.nameHint")} maxLength={60} autoComplete="off" required error={fieldErrors.name} />
          <Field id="api-key-ip-allowlist" name="ipAllowlist" label={t("create.ipAllowlist")} hint={t("create.ipAllowlistHint")} autoComplete="off" spellCheck={false} error={fieldErrors.ipAllowlist} />
        </div>
        <div className="sm:w-56">
          <SubmitButton busy={pending} label={t("create.submit")} busyLabel={t("create.submitting")} />
        </div>
      </form>
    </div>
  );
}

/** The freshly created key: shown this once, with a copy button and a warning. */
function NewKeyNotice({ name, apiKey, onDismiss }: { name: string; apiKey: string; onDismiss: () => void }) {
  const t = useTranslations("developers");
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const boxRef = useRef<HTMLDivElement>(null);
  const keyRef = useRef<HTMLElement>(null);

  useEffect(() => {
    boxRef.current?.focus();
  }, [apiKey]);

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopy("copied");
    } catch {
      setCopy("failed");
      const node = keyRef.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }
  }

  return (
    <div
      ref={boxRef}
      tabIndex={-1}
      role="region"
      aria-labelledby="new-api-key-title"
      data-testid="new-api-key-box"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 focus:outline-none focus:ring-2 focus:ring-amber-400"
    >
      <h3 id="new-api-key-title" className="font-semibold text-amber-900">
        {t("create.createdTitle", { name })}
      </h3>
      <p className="mt-1 text-sm font-medium text-amber-900">{t("create.warning")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <span className="sr-only">{t("create.keyLabel")}</span>
        <code ref={keyRef} data-testid="new-api-key" className="min-w-0 flex-1 select-all break-all rounded-md border border-amber-200 bg-white px-3 py-2 font-mono text-sm text-slate-900">
          {apiKey}
        </code>
        <button type="button" onClick={copyKey} className={secondaryButton}>
          {copy === "copied" ? t("create.copied") : t("create.copy")}
        </button>
      </div>
      <p aria-live="polite" className="mt-2 text-xs text-amber-900">
        {copy === "copied" ? t("create.copied") : copy === "failed" ? t("create.copyFailed") : ""}
      </p>
      <button type="button" onClick={onDismiss} className={`mt-2 ${secondaryButton}`}>
        {t("create.dismiss")}
      </button>
    </div>
  );
}

/** "Revoke" turns into "Confirm revoke" / "Cancel"; only the confirm button calls the server. */
export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("developers");
  const trpc = useTRPC();
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions());
  const { run, pending, error } = useAction({ fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });
  return (
    <div className="ml-auto max-w-xs text-left">
      <ConfirmButton
        tone="danger"
        texts={{ trigger: t("keys.revoke"), triggerName: t("keys.revokeNamed", { name }), question: t("keys.revokeQuestion"), confirm: t("keys.confirmRevoke"), busy: t("keys.revoking"), cancel: t("keys.cancel") }}
        busy={pending}
        onConfirm={() => run(() => revoke.mutateAsync({ id }))}
        error={<FormError message={error} />}
      />
    </div>
  );
}
