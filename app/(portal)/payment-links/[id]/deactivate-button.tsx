"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ConfirmButton } from "../../../_components/confirm-box";
import { FormError } from "../../../_components/field";
import { useAction } from "../../../_lib/use-action";
import { useTRPC } from "../../../_trpc/client";

/** Deactivate with an inline confirmation step: the link takes no new payments. */
export function DeactivateLinkButton({ id }: { id: string }) {
  const t = useTranslations("paymentLinks");
  const trpc = useTRPC();
  const deactivate = useMutation(trpc.paymentLinks.deactivate.mutationOptions());
  const { run, pending, error } = useAction({ fallback: { generic: t("deactivateFailed"), validation: t("deactivateFailed") } });
  return (
    <ConfirmButton
      tone="danger"
      variant="dangerOutline"
      size="lg"
      texts={{ trigger: t("deactivate"), question: t("deactivateQuestion"), confirm: t("deactivateConfirm"), busy: t("deactivating"), cancel: t("keep") }}
      busy={pending}
      onConfirm={() => run(() => deactivate.mutateAsync({ id }))}
      error={<FormError message={error} compact />}
    />
  );
}
