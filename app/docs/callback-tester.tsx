"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { buttonClass } from "../_components/button";
import { FormError } from "../_components/field";
import { useAction } from "../_lib/use-action";
import { useTRPC } from "../_trpc/client";

/** Sends the documented sample of a callback type to the merchant's endpoint and shows the answer. */
export function CallbackTester({ type }: { type: string }) {
  const t = useTranslations("docs");
  const trpc = useTRPC();
  const send = useMutation(trpc.docs.sendSampleCallback.mutationOptions());
  const { run, pending, error, notice } = useAction({ refresh: false });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          void run(() => send.mutateAsync({ type }), {
            done: (r) => (r.statusCode !== null ? t("sampleResult", { status: r.statusCode, latency: r.latencyMs }) : t("sampleFailed", { error: r.error ?? "?" })),
          })
        }
        className={buttonClass("secondary", "sm")}
      >
        {t("sendSample")}
      </button>
      {notice && (
        <span role="status" className="text-xs text-slate-600">
          {notice}
        </span>
      )}
      <FormError message={error} compact />
    </span>
  );
}
