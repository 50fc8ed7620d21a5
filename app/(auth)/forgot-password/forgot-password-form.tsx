"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Field, FormError, FormNotice, SubmitButton } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export function ForgotPasswordForm({ mailboxHref }: { mailboxHref: string | null }) {
  const t = useTranslations("passwordReset");
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const { run, pending, error, notice } = useAction({ refresh: false, fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });
  const [email, setEmail] = useState("");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void run(() => request.mutateAsync({ email }), { done: t("sent") });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={error} />
      <FormNotice message={notice} testId="reset-requested" />
      {notice && mailboxHref && (
        <Link href={mailboxHref} className="text-sm font-medium text-brand-600 hover:underline">
          {t("devMailbox")}
        </Link>
      )}
      <Field id="email" name="email" type="email" label={t("email")} autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <SubmitButton busy={pending} label={t("send")} busyLabel={t("sending")} />
    </form>
  );
}
