"use client";
// The live console for one operation: sends the real request to this server with the signed-in
// merchant's sandbox key (or a pasted one) and shows status, headers, body and latency.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "../_components/button";
import { FormError } from "../_components/field";
import { useAction } from "../_lib/use-action";
import { useTRPC } from "../_trpc/client";
import type { ConsoleOperation } from "./types";
import { buildRequest, curlCommand } from "@/lib/api-request";

let consoleKey: Promise<string> | null = null;

export function Console({ op, signedInMerchant }: { op: ConsoleOperation; signedInMerchant: boolean }) {
  const t = useTranslations("docs");
  const trpc = useTRPC();
  const issueKey = useMutation(trpc.docs.consoleKey.mutationOptions());
  const computeSign = useMutation(trpc.docs.prepaidSign.mutationOptions());
  const [formula, setFormula] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(op.params.map((p) => [p.name, p.example.startsWith("{{") ? "" : p.example])));
  const [pastedKey, setPastedKey] = useState("");
  const [result, setResult] = useState<{ status: number; latency: number; headers: [string, string][]; body: string } | null>(null);
  const [curl, setCurl] = useState<string | null>(null);
  // Sending and signing both go through one action: pending state and error text for the console.
  const { run, pending, error } = useAction({ refresh: false });

  async function apiKey(): Promise<string | undefined> {
    if (pastedKey.trim()) return pastedKey.trim();
    if (op.auth !== "apiKey" || !signedInMerchant) return undefined;
    // One sandbox key per page visit, shared by every console on the page.
    consoleKey ??= issueKey.mutateAsync().then((k) => k.key);
    return consoleKey;
  }

  async function request() {
    return buildRequest(op, window.location.origin, values, { apiKey: await apiKey() });
  }

  async function send() {
    await run(async () => {
      const req = await request();
      const started = performance.now();
      const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
      const latency = Math.round(performance.now() - started);
      const text = await res.text();
      let body = text;
      try {
        body = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        /* not JSON: show as is */
      }
      setResult({ status: res.status, latency, headers: [...res.headers.entries()], body: body.slice(0, 20_000) });
    });
  }

  async function fillSign() {
    if (!op.signSuffix) return;
    const suffix = "literal" in op.signSuffix ? op.signSuffix.literal : (values[op.signSuffix.param] ?? "");
    await run(() => computeSign.mutateAsync({ suffix }), {
      onSuccess: (result) => {
        setValues((v) => ({ ...v, username: result.username, sign: result.sign }));
        setFormula(`${result.formula} = ${result.sign}`);
      },
    });
  }

  async function copyCurl() {
    const command = curlCommand(await request());
    setCurl(command);
    await navigator.clipboard?.writeText(command).catch(() => undefined);
  }

  return (
    <div className="rounded-md border border-brand-100 bg-brand-50/40 p-3" data-testid={`console-${op.operationId}`}>
      <p className="mb-2 text-sm font-semibold">{t("tryIt")}</p>
      <div className="grid gap-2 sm:grid-cols-2">
        {op.params.map((p) => (
          <label key={`${p.in}-${p.name}`} className="flex flex-col gap-1 text-xs font-medium text-slate-700">
            {p.name} <span className="font-normal text-slate-500">({p.in}{p.required ? "" : `, ${t("optional").toLowerCase()}`})</span>
            <input value={values[p.name] ?? ""} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs" />
          </label>
        ))}
        {op.auth === "apiKey" && (
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
            {t("pasteKey")}
            <input value={pastedKey} onChange={(e) => setPastedKey(e.target.value)} placeholder={t("pasteKeyHint")} className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs" />
          </label>
        )}
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" onClick={send} disabled={pending} className={buttonClass("primary")}>
          {pending ? t("sending") : t("send")}
        </button>
        {op.signSuffix && signedInMerchant && (
          <button type="button" onClick={fillSign} disabled={pending} className={buttonClass("secondary")}>
            {t("computeSign")}
          </button>
        )}
        <button type="button" onClick={copyCurl} className={buttonClass("secondary")}>
          {t("copyCurl")}
        </button>
      </div>
      {formula && <p className="mt-2 font-mono text-xs text-slate-600" data-testid="sign-formula">{formula}</p>}
      <div className="mt-2">
        <FormError message={error} compact />
      </div>
      {curl && <pre tabIndex={0} className="mt-2 overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100" data-testid="curl-command">{curl}</pre>}
      {result && (
        <div className="mt-3 text-xs" data-testid="console-result">
          <p>
            {t("status")}: <span className={`font-semibold ${result.status < 300 ? "text-emerald-700" : "text-rose-700"}`} data-testid="console-status">{result.status}</span> · {t("latency")}: {result.latency} ms
          </p>
          <details className="mt-1">
            <summary className="cursor-pointer">{t("headers")}</summary>
            <pre tabIndex={0} className="overflow-x-auto">{result.headers.map(([k, v]) => `${k}: ${v}`).join("\n")}</pre>
          </details>
          <pre tabIndex={0} className="mt-1 max-h-80 overflow-auto rounded bg-white p-2" data-testid="console-body">{result.body}</pre>
        </div>
      )}
    </div>
  );
}
