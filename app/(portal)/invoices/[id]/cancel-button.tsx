"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ConfirmButton } from "../../../_components/confirm-box";
import { FormError } from "../../../_components/field";
import { useAction } from "../../../_lib/use-action";
import { useTRPC } from "../../../_trpc/client";

/** Cancel with an inline confirmation step: a pending invoice becomes expired. */
export function CancelInvoiceButton({ id }: { id: string }) {
  const t = useTranslations("deposits");
  const trpc = useTRPC();
  const cancel = useMutation(trpc.deposits.cancel.mutationOptions());
  const { run, pending, error } = useAction({ fallback: { generic: t("cancelFailed"), validation: t("cancelFailed") } });
  return (
    <ConfirmButton
      tone="danger"
      variant="dangerOutline"
      size="lg"
      texts={{ trigger: t("cancel"), question: t("cancelQuestion"), confirm: t("cancelConfirm"), busy: t("cancelling"), cancel: t("keep") }}
      busy={pending}
      onConfirm={() => run(() => cancel.mutateAsync({ id }))}
      error={<FormError message={error} compact />}
    />
  );
}
