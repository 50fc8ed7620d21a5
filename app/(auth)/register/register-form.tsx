"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { registerSchema, type RegisterInput } from "@/server/auth/schemas";
import { Field, FormError, SubmitButton } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export function RegisterForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const trpc = useTRPC();
  const register = useMutation(trpc.auth.register.mutationOptions());
  // A taken email comes back as the server's own words; then we sign in and go to the dashboard.
  const { run, error } = useAction({ refresh: false, fallback: { generic: t("errors.generic"), validation: t("errors.generic") } });
  const form = useForm<RegisterInput>({ resolver: zodResolver(registerSchema), mode: "onTouched" });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!(await run(() => register.mutateAsync(values)))) return;
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (result?.error) {
      router.push("/login");
      return;
    }
    router.replace("/dashboard");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={error} />
      <Field id="businessName" label={t("businessName")} autoComplete="organization" error={errors.businessName && t("validation.businessName")} {...form.register("businessName")} />
      <Field id="email" type="email" label={t("email")} autoComplete="email" error={errors.email && t("validation.email")} {...form.register("email")} />
      <Field id="password" type="password" label={t("password")} hint={t("passwordHint")} autoComplete="new-password" error={errors.password && t("validation.password")} {...form.register("password")} />
      <SubmitButton busy={isSubmitting} label={t("register")} busyLabel={t("registering")} />
    </form>
  );
}
