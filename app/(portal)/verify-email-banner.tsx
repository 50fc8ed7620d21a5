"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { buttonClass } from "../_components/button";
import { useAction } from "../_lib/use-action";
import { useTRPC } from "../_trpc/client";

/** Until the email is verified: what is waiting on it, and a way to get the link again. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const t = useTranslations("verifyEmail");
  const trpc = useTRPC();
  const resend = useMutation(trpc.account.resendVerification.mutationOptions());
  const { run, pending, error, notice } = useAction({ refresh: false, fallback: { generic: t("errors.generic"), validation: t("errors.validation") } });
  return (
    <div role="region" aria-label={t("title")} data-testid="verify-email-banner" className="mb-4 flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>{t("banner", { email })}</span>
        <button type="button" disabled={pending} aria-busy={pending} onClick={() => void run(() => resend.mutateAsync(), { done: t("resent") })} className={buttonClass("secondary", "sm")}>
          {pending ? t("resending") : t("resend")}
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert" className="text-rose-700">{error}</p>}
    </div>
  );
}
