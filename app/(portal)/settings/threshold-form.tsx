"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { parseWholeRupiah } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { Field, FormNotice } from "../../_components/field";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

export function ThresholdForm({ threshold }: { threshold: string | null }) {
  const t = useTranslations("treasury");
  const trpc = useTRPC();
  const save = useMutation(trpc.treasury.setThreshold.mutationOptions());
  const { run, pending, error, setError, notice } = useAction();
  const [text, setText] = useState(threshold ?? "");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim() === "" ? null : parseWholeRupiah(text);
    if (text.trim() !== "" && (value === null || value <= 0n)) return setError(t("amountInvalid"));
    void run(() => save.mutateAsync({ threshold: value }), { done: t("saved") });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <Field id="threshold" label={t("threshold")} hint={t("thresholdHint")} inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} error={error} className="min-w-56 flex-1" />
      <button type="submit" disabled={pending} className={buttonClass("primary", "lg")}>
        {t("saveThreshold")}
      </button>
      <FormNotice message={notice} />
    </form>
  );
}
