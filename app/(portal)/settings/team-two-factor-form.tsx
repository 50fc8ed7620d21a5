"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { buttonClass } from "../../_components/button";
import { FormError, FormNotice } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

/** The owner's switch: every user of this merchant must use two-factor sign-in. */
export function TeamTwoFactorForm({ required, ownEnrolled }: { required: boolean; ownEnrolled: boolean }) {
  const t = useTranslations("twoFactorTeam");
  const trpc = useTRPC();
  const save = useMutation(trpc.twoFactor.setMerchantRequirement.mutationOptions());
  const { run, pending, error, setError, notice } = useAction();
  const [checked, setChecked] = useState(required);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (checked && !ownEnrolled) return setError(t("enrolFirst"));
    void run(() => save.mutateAsync({ required: checked }), { done: t("saved") });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={error} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
        {t("label")}
      </label>
      {!ownEnrolled && (
        <Link href="/security/two-factor?next=/settings" className="text-sm text-brand-700 underline">
          {t("enrolFirst")}
        </Link>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary", "lg")}>
          {t("save")}
        </button>
        <FormNotice message={notice} testId="team-two-factor-saved" />
      </div>
    </form>
  );
}
