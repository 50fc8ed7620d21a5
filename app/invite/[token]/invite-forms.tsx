"use client";
// Joining from an invitation: a new person sets a name and password; someone with a login signs
// in (or is signed in) and joins. Either way they land on the merchant's wallet.
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field, FormError, SubmitButton } from "../../_components/field";
import { ActionRefused, useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

function useGoHome() {
  const router = useRouter();
  return () => {
    router.replace("/dashboard");
    router.refresh();
  };
}

export function InviteNewMemberForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const trpc = useTRPC();
  const accept = useMutation(trpc.team.acceptAsNewUser.mutationOptions());
  const { run, pending, error } = useAction({ refresh: false });
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const goHome = useGoHome();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const found = { name: name.length < 2 ? t("validation.name") : undefined, password: password.length < 10 ? t("validation.password") : undefined };
    setErrors(found);
    if (found.name || found.password) return;
    await run(async () => {
      await accept.mutateAsync({ token, name, password });
      const result = await signIn("credentials", { email, password, redirect: false });
      // Joined either way; without a session (e.g. a second factor is asked) the login page takes over.
      if (!result || result.error) window.location.assign("/login");
      else goHome();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={error} />
      <Field id="invite-account-email" label={t("email")} value={email} readOnly />
      <Field id="invite-name" name="name" label={t("name")} autoComplete="name" required error={errors.name} />
      <Field id="invite-password" name="password" type="password" label={t("password")} hint={t("passwordHint")} autoComplete="new-password" required error={errors.password} />
      <SubmitButton busy={pending} label={t("join")} busyLabel={t("joining")} />
    </form>
  );
}

export function InviteSignInForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const trpc = useTRPC();
  const accept = useMutation(trpc.team.acceptAsUser.mutationOptions());
  const { run, pending, error } = useAction({ refresh: false });
  const goHome = useGoHome();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    await run(async () => {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) throw new ActionRefused(t("signInFailed"));
      await accept.mutateAsync({ token });
      goHome();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t("haveAccount")}</p>
      <FormError message={error} />
      <Field id="invite-account-email" label={t("email")} value={email} readOnly />
      <Field id="invite-login-password" name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <SubmitButton busy={pending} label={t("signInAndJoin")} busyLabel={t("joining")} />
    </form>
  );
}

export function InviteJoin({ token }: { token: string }) {
  const t = useTranslations("invite");
  const trpc = useTRPC();
  const accept = useMutation(trpc.team.acceptAsUser.mutationOptions());
  const { run, pending, error } = useAction({ refresh: false });
  const goHome = useGoHome();
  return (
    <div className="flex flex-col gap-3">
      <FormError message={error} />
      <button type="button" disabled={pending} onClick={() => void run(() => accept.mutateAsync({ token }), { onSuccess: goHome })} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("joining") : t("join")}
      </button>
    </div>
  );
}
