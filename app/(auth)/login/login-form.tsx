"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field, FormError, SubmitButton } from "../../_components/field";

const KNOWN_ERRORS = ["INVALID_CREDENTIALS", "RATE_LIMITED", "SUSPENDED"] as const;

export function LoginForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (!result || result.error) {
      const code = KNOWN_ERRORS.find((c) => c === result?.error) ?? (result?.error === "CredentialsSignin" ? "INVALID_CREDENTIALS" : null);
      setError(code ? t(`errors.${code}`) : t("errors.generic"));
      setBusy(false);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={error} />
      <Field id="email" name="email" type="email" label={t("email")} autoComplete="email" required />
      <Field id="password" name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <SubmitButton busy={busy} label={t("login")} busyLabel={t("signingIn")} />
    </form>
  );
}
