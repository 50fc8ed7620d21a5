"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "../../../_trpc/client";

export function ResendButton({ eventId }: { eventId: string }) {
  const t = useTranslations("webhooks");
  const router = useRouter();
  const trpc = useTRPC();
  const resend = useMutation(trpc.webhooks.resend.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        disabled={resend.isPending}
        onClick={async () => {
          setError(null);
          try {
            await resend.mutateAsync({ eventId });
            router.refresh();
          } catch (e) {
            setError((e as Error).message);
          }
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        {resend.isPending ? t("resending") : t("resend")}
      </button>
      {error && <span role="alert" className="text-xs text-rose-600">{error}</span>}
    </span>
  );
}
