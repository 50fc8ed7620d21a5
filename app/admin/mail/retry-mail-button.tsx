"use client";
// "Retry now" for a failed mail: asks first, then sets it pending and due now.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ConfirmButton } from "../../_components/confirm-box";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export function RetryMailButton({ id, to }: { id: string; to: string }) {
  const t = useTranslations("mailLog");
  const trpc = useTRPC();
  const retry = useMutation(trpc.mailLog.retry.mutationOptions());
  const { run, pending, error } = useAction();
  return (
    <ConfirmButton
      tone="warning"
      size="sm"
      busy={pending}
      error={error}
      texts={{ trigger: t("retry"), triggerName: `${t("retry")}: ${to}`, question: t("retryQuestion", { to }), confirm: t("retryConfirm"), cancel: t("cancel"), busy: t("retrying") }}
      onConfirm={() => run(() => retry.mutateAsync({ id }), { done: t("retried") })}
    />
  );
}
