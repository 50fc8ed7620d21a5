"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { buttonClass } from "../../../_components/button";
import { FormError } from "../../../_components/field";
import { useAction } from "../../../_lib/use-action";
import { useTRPC } from "../../../_trpc/client";

export function ResendButton({ eventId }: { eventId: string }) {
  const t = useTranslations("webhooks");
  const trpc = useTRPC();
  const resend = useMutation(trpc.webhooks.resend.mutationOptions());
  const { run, pending, error } = useAction();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button type="button" disabled={pending} onClick={() => void run(() => resend.mutateAsync({ eventId }))} className={buttonClass("secondary", "sm")}>
        {pending ? t("resending") : t("resend")}
      </button>
      <FormError message={error} compact />
    </span>
  );
}
