"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../_trpc/client";

/** Sends the documented sample of a callback type to the merchant's endpoint and shows the answer. */
export function CallbackTester({ type }: { type: string }) {
  const t = useTranslations("docs");
  const trpc = useTRPC();
  const send = useMutation(trpc.docs.sendSampleCallback.mutationOptions());
  const [answer, setAnswer] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={send.isPending}
        onClick={async () => {
          setAnswer(null);
          try {
            const r = await send.mutateAsync({ type });
            setAnswer(r.statusCode !== null ? t("sampleResult", { status: r.statusCode, latency: r.latencyMs }) : t("sampleFailed", { error: r.error ?? "?" }));
          } catch (e) {
            setAnswer((e as Error).message);
          }
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50"
      >
        {t("sendSample")}
      </button>
      {answer && <span role="status" className="text-xs text-slate-600">{answer}</span>}
    </span>
  );
}
