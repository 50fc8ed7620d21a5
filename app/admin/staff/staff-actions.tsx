"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, FormError, FormNotice, SelectField, SubmitButton } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

const STAFF_ROLES = ["superadmin", "approver", "support"] as const;
type StaffRole = (typeof STAFF_ROLES)[number];

export function StaffRoleSelect({ userId, name, staffRole }: { userId: string; name: string; staffRole: StaffRole }) {
  const t = useTranslations("staff");
  const trpc = useTRPC();
  const setRole = useMutation(trpc.staff.setRole.mutationOptions());
  const { run, pending, error } = useAction();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`staff-role-${userId}`} className="sr-only">
        {t("roleOf", { name })}
      </label>
      <select
        id={`staff-role-${userId}`}
        defaultValue={staffRole}
        disabled={pending}
        onChange={(event) => void run(() => setRole.mutateAsync({ userId, staffRole: event.target.value as StaffRole }))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {STAFF_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
      <FormError message={error} compact />
    </div>
  );
}

export function CreateStaffForm() {
  const t = useTranslations("staff");
  const trpc = useTRPC();
  const create = useMutation(trpc.staff.create.mutationOptions());
  const { run, pending, error, notice } = useAction();
  const [invalid, setInvalid] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      name: String(data.get("name") ?? "").trim(),
      email: String(data.get("email") ?? "").trim(),
      password: String(data.get("password") ?? ""),
      staffRole: String(data.get("staffRole") ?? "support") as StaffRole,
    };
    const bad = input.name.length < 2 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email) || input.password.length < 10;
    setInvalid(bad);
    if (bad) return;
    await run(() => create.mutateAsync(input), { done: t("create.done", { email: input.email }), onSuccess: () => form.reset() });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="create-staff-title">
      <h2 id="create-staff-title" className="font-semibold">
        {t("create.title")}
      </h2>
      <FormError message={invalid ? t("create.invalid") : error} />
      <FormNotice message={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="staff-name" name="name" label={t("create.name")} autoComplete="off" required />
        <Field id="staff-email" name="email" type="email" label={t("create.email")} autoComplete="off" required />
        <Field id="staff-password" name="password" type="password" label={t("create.password")} hint={t("create.passwordHint")} autoComplete="new-password" required />
        <SelectField id="staff-role" name="staffRole" label={t("create.role")} defaultValue="support" options={STAFF_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />
      </div>
      <div className="sm:w-56">
        <SubmitButton busy={pending} label={t("create.submit")} busyLabel={t("create.submitting")} />
      </div>
    </form>
  );
}
