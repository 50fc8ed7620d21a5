"use client";
// The Team page's interactive parts: the invite form, a member's role and removal, leaving, and
// a pending invitation's resend and revoke. Each asks the server, which checks the role again.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ConfirmButton } from "../../_components/confirm-box";
import { Field, FormError, FormNotice, SelectField, SubmitButton } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

const ROLES = ["owner", "finance", "developer", "viewer"] as const;
type Role = (typeof ROLES)[number];

function useRoleOptions() {
  const t = useTranslations("team");
  return ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));
}

export function InviteForm() {
  const t = useTranslations("team");
  const trpc = useTRPC();
  const invite = useMutation(trpc.team.invite.mutationOptions());
  const { run, pending, error, notice } = useAction();
  const [emailError, setEmailError] = useState<string>();
  const options = useRoleOptions();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "").trim();
    const role = String(data.get("role") ?? "viewer") as Role;
    const valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 190;
    setEmailError(valid ? undefined : t("invite.invalidEmail"));
    if (!valid) return;
    await run(() => invite.mutateAsync({ email, role }), { done: t("invite.sent", { email }), onSuccess: () => form.reset() });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="invite-title">
      <h2 id="invite-title" className="font-semibold">
        {t("invite.title")}
      </h2>
      <FormError message={error} />
      <FormNotice message={notice} testId="invite-notice" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="invite-email" name="email" type="email" label={t("invite.email")} autoComplete="off" required error={emailError} />
        <SelectField id="invite-role" name="role" label={t("invite.role")} options={options} defaultValue="viewer" />
      </div>
      <div className="sm:w-56">
        <SubmitButton busy={pending} label={t("invite.submit")} busyLabel={t("invite.sending")} />
      </div>
    </form>
  );
}

export function MemberRoleSelect({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const t = useTranslations("team");
  const trpc = useTRPC();
  const change = useMutation(trpc.team.changeRole.mutationOptions());
  const { run, pending, error } = useAction();
  const options = useRoleOptions();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`role-${userId}`} className="sr-only">
        {t("members.roleOf", { name })}
      </label>
      <select
        id={`role-${userId}`}
        defaultValue={role}
        disabled={pending}
        onChange={(event) => void run(() => change.mutateAsync({ userId, role: event.target.value as Role }))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FormError message={error} compact />
    </div>
  );
}

export function RemoveMemberButton({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("team");
  const trpc = useTRPC();
  const remove = useMutation(trpc.team.remove.mutationOptions());
  const { run, pending, error } = useAction();
  return (
    <ConfirmButton
      tone="danger"
      size="sm"
      busy={pending}
      texts={{ trigger: t("members.remove"), triggerName: t("members.removeName", { name }), question: t("members.removeQuestion", { name }), confirm: t("members.removeConfirm"), cancel: t("cancel"), busy: t("working") }}
      onConfirm={() => run(() => remove.mutateAsync({ userId }))}
      error={<FormError message={error} compact />}
    />
  );
}

export function LeaveButton() {
  const t = useTranslations("team");
  const trpc = useTRPC();
  const router = useRouter();
  const leave = useMutation(trpc.team.leave.mutationOptions());
  const { run, pending, error } = useAction({ refresh: false });
  return (
    <ConfirmButton
      tone="danger"
      busy={pending}
      texts={{ trigger: t("leave.button"), question: t("leave.question"), confirm: t("leave.confirm"), cancel: t("cancel"), busy: t("working") }}
      onConfirm={() =>
        run(() => leave.mutateAsync(), {
          onSuccess: () => {
            router.push("/");
            router.refresh();
          },
        })
      }
      error={<FormError message={error} compact />}
    />
  );
}

export function InvitationActions({ id, email }: { id: string; email: string }) {
  const t = useTranslations("team");
  const trpc = useTRPC();
  const resend = useMutation(trpc.team.resendInvitation.mutationOptions());
  const revoke = useMutation(trpc.team.revokeInvitation.mutationOptions());
  const { run, pending, error, notice } = useAction();
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <ConfirmButton
        tone="warning"
        size="sm"
        ask={false}
        busy={pending}
        texts={{ trigger: t("invitations.resend"), triggerName: t("invitations.resendName", { email }), question: "", confirm: "", cancel: t("cancel"), busy: t("working") }}
        onConfirm={() => run(() => resend.mutateAsync({ id }), { done: t("invitations.resent") })}
      />
      <ConfirmButton
        tone="danger"
        size="sm"
        busy={pending}
        texts={{ trigger: t("invitations.revoke"), triggerName: t("invitations.revokeName", { email }), question: t("invitations.revokeQuestion", { email }), confirm: t("invitations.revokeConfirm"), cancel: t("cancel"), busy: t("working") }}
        onConfirm={() => run(() => revoke.mutateAsync({ id }))}
      />
      <FormError message={error} compact />
      {notice && <span role="status" className="text-xs text-emerald-700">{notice}</span>}
    </div>
  );
}
