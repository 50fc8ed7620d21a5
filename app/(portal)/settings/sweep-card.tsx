"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { formatRupiah, parseWholeRupiah } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { AmountField, Field, FormError, SelectField } from "../../_components/field";
import { Badge } from "../../_components/ui";
import { useFormKey } from "../../_lib/form-key";
import { useAction } from "../../_lib/use-action";
import { useTRPC } from "../../_trpc/client";

type Rule = { id: string; kind: string; percentBps: number | null; minimumBalance: string | null; runAtMinute: number; active: boolean; runs: { id: string; period: string; amount: string; status: string }[] };

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export function SweepCard({ rules, sandbox }: { rules: Rule[]; sandbox: boolean }) {
  const t = useTranslations("treasury");
  const trpc = useTRPC();
  const create = useMutation(trpc.treasury.createSweepRule.mutationOptions());
  const toggle = useMutation(trpc.treasury.setSweepRuleActive.mutationOptions());
  const runNow = useMutation(trpc.treasury.runSweepNow.mutationOptions());
  const settle = useMutation(trpc.treasury.simulateSettlement.mutationOptions());
  const [kind, setKind] = useState<"percent_of_yesterday" | "keep_minimum">("percent_of_yesterday");
  const [value, setValue] = useState("");
  const [time, setTime] = useState("09:00");
  const [settlement, setSettlement] = useState("");
  // One key per simulated settlement: a double click posts once; renewed after a success.
  const [settlementKey, renewSettlementKey] = useFormKey();

  const { run, pending, error, setError } = useAction();

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    const [h, m] = time.split(":").map(Number);
    const runAtMinute = (h ?? 9) * 60 + (m ?? 0);
    if (kind === "percent_of_yesterday") {
      const percent = Number(value.replace(",", "."));
      if (!(percent > 0 && percent <= 100)) return setError(t("amountInvalid"));
      // Percent to basis points exactly (two decimals at most), without a float reaching the server.
      const percentBps = Math.round(percent * 100);
      await run(() => create.mutateAsync({ kind, percentBps, runAtMinute }), { onSuccess: () => setValue("") });
    } else {
      const minimumBalance = parseWholeRupiah(value);
      if (!minimumBalance) return setError(t("amountInvalid"));
      await run(() => create.mutateAsync({ kind, minimumBalance, runAtMinute }), { onSuccess: () => setValue("") });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <FormError message={error} />
      {rules.length === 0 && <p className="text-sm text-slate-500">{t("noRules")}</p>}
      {rules.map((rule) => (
        <div key={rule.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="sweep-rule">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {rule.kind === "percent_of_yesterday"
                ? t("rulePercent", { time: hhmm(rule.runAtMinute), percent: (rule.percentBps ?? 0) / 100 })
                : t("ruleMinimum", { time: hhmm(rule.runAtMinute), amount: formatRupiah(BigInt(rule.minimumBalance ?? "0")) })}
            </span>
            <Badge tone={rule.active ? "green" : "grey"}>{rule.active ? t("active") : t("inactive")}</Badge>
          </div>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" disabled={pending} className={buttonClass("secondary")} onClick={() => run(() => toggle.mutateAsync({ id: rule.id, active: !rule.active }))}>{rule.active ? t("disable") : t("enable")}</button>
            <button type="button" disabled={pending} className={buttonClass("secondary")} onClick={() => run(() => runNow.mutateAsync({ id: rule.id }))}>{t("runNow")}</button>
          </div>
          <p className="mt-2 text-xs font-medium text-slate-500">{t("runs")}</p>
          {rule.runs.length === 0 ? (
            <p className="text-xs text-slate-500">{t("noRuns")}</p>
          ) : (
            <ul className="text-xs text-slate-600">
              {rule.runs.map((r) => (
                <li key={r.id}>{r.status === "posted" ? t("runPosted", { period: r.period, amount: formatRupiah(BigInt(r.amount)) }) : t("runSkipped", { period: r.period })}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <form onSubmit={onAdd} className="grid gap-3 sm:grid-cols-3" noValidate>
        <SelectField
          id="ruleKind"
          label={t("ruleKind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
          options={[
            { value: "percent_of_yesterday", label: t("kindPercent") },
            { value: "keep_minimum", label: t("kindMinimum") },
          ]}
        />
        <Field id="ruleValue" label={kind === "percent_of_yesterday" ? t("percent") : t("minimumBalance")} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        <Field id="ruleTime" label={t("runAt")} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        <div>
          <button type="submit" disabled={pending} className={buttonClass("primary", "lg")}>{t("addRule")}</button>
        </div>
      </form>
      {sandbox && (
        <form
          className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-4"
          onSubmit={(e) => {
            e.preventDefault();
            const amount = parseWholeRupiah(settlement);
            if (!amount) return setError(t("amountInvalid"));
            void run(() => settle.mutateAsync({ amount, idempotencyKey: settlementKey }), {
              onSuccess: () => {
                renewSettlementKey();
                setSettlement("");
              },
            });
          }}
        >
          <AmountField id="settlementAmount" label={t("settlementAmount")} value={settlement} onValueChange={setSettlement} />
          <button type="submit" disabled={pending} className={buttonClass("sandbox", "lg")}>{t("simulateSettlement")}</button>
        </form>
      )}
    </div>
  );
}
