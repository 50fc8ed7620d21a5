"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "../../../_trpc/client";

/** Cancel with an inline confirmation step: a pending invoice becomes expired. */
export function CancelInvoiceButton({ id }: { id: string }) {
  const t = useTranslations("deposits");
  const router = useRouter();
  const trpc = useTRPC();
  const cancel = useMutation(trpc.deposits.cancel.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-rose-300 bg-white px-3 py-2 text-sm font-medium text-rose-700 hover:bg-rose-50">
        {t("cancel")}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-label={t("cancel")} className="flex flex-col gap-2 rounded-md border border-rose-200 bg-rose-50 p-3">
      <p className="text-sm text-rose-800">{t("cancelQuestion")}</p>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={cancel.isPending}
          onClick={async () => {
            setError(null);
            try {
              await cancel.mutateAsync({ id });
              setConfirming(false);
              router.refresh();
            } catch (e) {
              setError((e as Error).message || t("cancelFailed"));
            }
          }}
          className="rounded-md bg-rose-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-700 disabled:opacity-60"
        >
          {cancel.isPending ? t("cancelling") : t("cancelConfirm")}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
          {t("keep")}
        </button>
      </div>
      {error && <p role="alert" className="text-xs text-rose-700">{error}</p>}
    </div>
  );
}
