"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ConfirmButton } from "../_components/confirm-box";
import { Field, FormError, FormNotice, SubmitButton } from "../_components/field";
import { useAction } from "../_lib/use-action";
import { useTRPC } from "../_trpc/client";

function useSecurityAction() {
  const t = useTranslations("security");
  return useAction({ fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });
}

export function RevokeSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const t = useTranslations("security");
  const trpc = useTRPC();
  const revoke = useMutation(trpc.account.revokeSession.mutationOptions());
  const { run, pending, error } = useSecurityAction();
  return (
    <ConfirmButton
      tone="danger"
      size="sm"
      busy={pending}
      texts={{ trigger: t("signOut"), triggerName: t("signOutSession", { device }), question: t("confirmSignOut"), confirm: t("confirm"), cancel: t("cancel") }}
      onConfirm={() => run(() => revoke.mutateAsync({ sessionId }))}
      error={error && <FormError compact message={error} />}
    />
  );
}

export function RevokeOthersButton() {
  const t = useTranslations("security");
  const trpc = useTRPC();
  const revoke = useMutation(trpc.account.revokeOtherSessions.mutationOptions());
  const { run, pending, error, notice } = useSecurityAction();
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmButton
        tone="danger"
        busy={pending}
        texts={{ trigger: t("signOutOthers"), question: t("confirmSignOutOthers"), confirm: t("confirm"), cancel: t("cancel") }}
        onConfirm={() => run(() => revoke.mutateAsync(), { done: (r) => t("signedOutOthers", { count: r.revoked }) })}
        error={error && <FormError compact message={error} />}
      />
      <FormNotice message={notice} />
    </div>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations("security");
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const { run, error, notice } = useSecurityAction();
  const schema = z
    .object({ currentPassword: z.string().min(1, t("required")), newPassword: z.string().min(10, t("tooShort")).max(200), confirmPassword: z.string() })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: t("mismatch") });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), mode: "onTouched" });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    const ok = await run(() => change.mutateAsync({ currentPassword, newPassword }), { done: (r) => t("changed", { count: r.revokedSessions }) });
    if (ok) form.reset();
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={error} />
      <FormNotice message={notice} testId="password-notice" />
      <Field id="currentPassword" type="password" label={t("currentPassword")} autoComplete="current-password" error={errors.currentPassword?.message} {...form.register("currentPassword")} />
      <Field id="newPassword" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" error={errors.newPassword?.message} {...form.register("newPassword")} />
      <Field id="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" error={errors.confirmPassword?.message} {...form.register("confirmPassword")} />
      <SubmitButton busy={isSubmitting} label={t("save")} busyLabel={t("saving")} />
    </form>
  );
}
