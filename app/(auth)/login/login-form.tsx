"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonClass } from "../../_components/button";
import { Field, FormError, SubmitButton } from "../../_components/field";

const KNOWN_ERRORS = ["INVALID_CREDENTIALS", "RATE_LIMITED", "SUSPENDED"] as const;

// Two steps: email and password; then, for a user with two-factor on (the server answers
// TOTP_REQUIRED), a code from the authenticator app or a recovery code, sent with the same
// email and password again (nothing is half signed in between).
export function LoginForm() {
  const t = useTranslations("auth");
  const t2 = useTranslations("twoFactorLogin");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);
  const [recovery, setRecovery] = useState(false);
  async function attempt(email: string, password: string, totp?: string) {
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email, password, ...(totp ? { totp } : {}), redirect: false });
    if (!result || result.error) {
      setBusy(false);
      if (result?.error === "TOTP_REQUIRED") {
        setCredentials({ email, password });
        return;
      }
      if (result?.error === "TOTP_INVALID") return setError(t2("TOTP_INVALID"));
      const code = KNOWN_ERRORS.find((c) => c === result?.error) ?? (result?.error === "CredentialsSignin" ? "INVALID_CREDENTIALS" : null);
      setError(code ? t(`errors.${code}`) : t("errors.generic"));
      return;
    }
    router.replace("/");
    router.refresh();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void attempt(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
  }

  function onSubmitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!credentials) return;
    const code = String(new FormData(event.currentTarget).get("totp") ?? "").trim();
    if (!code) return setError(t2("TOTP_INVALID"));
    void attempt(credentials.email, credentials.password, code);
  }

  if (credentials) {
    return (
      <form onSubmit={onSubmitCode} className="flex flex-col gap-4" noValidate key={recovery ? "recovery" : "app"}>
        <p className="text-sm text-slate-600">{recovery ? t2("introRecovery") : t2("intro")}</p>
        <FormError message={error} />
        <Field
          autoFocus
          id="totp"
          name="totp"
          label={recovery ? t2("recoveryCode") : t2("code")}
          autoComplete="one-time-code"
          inputMode={recovery ? "text" : "numeric"}
          maxLength={recovery ? 32 : 8}
          required
        />
        <SubmitButton busy={busy} label={t2("verify")} busyLabel={t2("verifying")} />
        <div className="flex flex-wrap justify-between gap-2">
          <button type="button" className={buttonClass("secondary", "sm")} onClick={() => { setRecovery((r) => !r); setError(null); }}>
            {recovery ? t2("useApp") : t2("useRecovery")}
          </button>
          <button type="button" className={buttonClass("secondary", "sm")} onClick={() => { setCredentials(null); setRecovery(false); setError(null); }}>
            {t2("back")}
          </button>
        </div>
      </form>
    );
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
