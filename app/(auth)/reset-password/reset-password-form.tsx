"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Field, FormError, SubmitButton } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwordReset");
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const { run, error } = useAction({ refresh: false, fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });
  const [done, setDone] = useState(false);
  const schema = z
    .object({ password: z.string().min(10, t("tooShort")).max(200), confirmPassword: z.string() })
    .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: t("mismatch") });
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), mode: "onTouched" });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ password }) => {
    if (await run(() => reset.mutateAsync({ token, password }))) setDone(true);
  });

  if (done) {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="reset-done">
          {t("done")}
        </p>
        <Link href="/login" className="font-medium text-brand-600 hover:underline">
          {t("loginLink")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={error} />
      {error && (
        <Link href="/forgot-password" className="text-sm font-medium text-brand-600 hover:underline">
          {t("askAgain")}
        </Link>
      )}
      <Field id="password" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" error={errors.password?.message} {...form.register("password")} />
      <Field id="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" error={errors.confirmPassword?.message} {...form.register("confirmPassword")} />
      <SubmitButton busy={isSubmitting} label={t("save")} busyLabel={t("saving")} />
    </form>
  );
}
