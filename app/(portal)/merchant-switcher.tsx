"use client";
// The top bar's merchant switcher: the merchants this person belongs to. The server checks the
// membership again on the switch and on every later request; this list only offers them.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { FormError } from "../_components/field";
import { useAction } from "../_lib/use-action";
import { useTRPC } from "../_trpc/client";

export function MerchantSwitcher({ current, merchants, roleLabel }: { current: string; merchants: { merchantId: string; businessName: string }[]; roleLabel: string }) {
  const t = useTranslations("team");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const switchTo = useMutation(trpc.team.switchMerchant.mutationOptions());
  const { run, pending, error } = useAction({ refresh: false });
  const name = merchants.find((m) => m.merchantId === current)?.businessName ?? "";

  if (merchants.length < 2) {
    return (
      <span className="text-sm text-slate-700" data-testid="active-merchant">
        {name} <span className="text-xs text-slate-500">({roleLabel})</span>
      </span>
    );
  }
  return (
    <span className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-500">
        {t("switcher")}
      </label>
      <select
        id={id}
        value={current}
        disabled={pending}
        data-testid="merchant-switcher"
        onChange={(event) => {
          const merchantId = event.target.value;
          void run(() => switchTo.mutateAsync({ merchantId }), {
            onSuccess: () => {
              router.push("/dashboard");
              router.refresh();
            },
          });
        }}
        className="max-w-[12rem] rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {merchants.map((m) => (
          <option key={m.merchantId} value={m.merchantId}>
            {m.businessName}
          </option>
        ))}
      </select>
      <span className="text-xs text-slate-500">({roleLabel})</span>
      <FormError message={error} compact />
    </span>
  );
}
