"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { parseWholeRupiah } from "@/lib/format";
import { Field, FormError } from "../../_components/field";
import { useTRPC } from "../../_trpc/client";

export function ThresholdForm({ threshold }: { threshold: string | null }) {
  const t = useTranslations("treasury");
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.treasury.setThreshold.mutationOptions());
  const [text, setText] = useState(threshold ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const value = text.trim() === "" ? null : parseWholeRupiah(text);
    if (text.trim() !== "" && (value === null || value <= 0n)) return setError(t("amountInvalid"));
    setError(null);
    try {
      await save.mutateAsync({ threshold: value });
      setSaved(true);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="min-w-56 flex-1">
        <Field id="threshold" label={t("threshold")} hint={t("thresholdHint")} inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} error={error ?? undefined} />
      </div>
      <button type="submit" disabled={save.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {t("saveThreshold")}
      </button>
      {saved && <p role="status" className="text-sm text-emerald-700">{t("saved")}</p>}
    </form>
  );
}
