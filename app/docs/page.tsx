import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { buildRequest, curlCommand, nodeSample, phpSample } from "@/lib/api-request";
import { getSession } from "@/server/auth/options";
import { can } from "@/server/auth/permissions";
import { resolveActiveMembership } from "@/server/auth/resolve-membership";
import { appUrl } from "@/server/env";
import { describeParams } from "@/server/openapi/describe";
import type { ApiOperation, Group } from "@/server/openapi/operation";
import { ALL_OPERATIONS } from "@/server/openapi/operations";
import { CALLBACKS } from "@/server/openapi/webhook-schemas";
import { Logo } from "../_components/brand";
import { DataTable } from "../_components/data-table";
import { LanguageSwitch } from "../_components/language-switch";
import { CallbackTester } from "./callback-tester";
import { CodeSamples } from "./code-samples";
import { Console } from "./console";
import { titleFrom } from "../_lib/metadata";

export const generateMetadata = titleFrom("docs");

const GROUPS: Group[] = ["balance", "topup", "invoices", "paymentLinks", "withdrawals", "prepaid", "events"];
const METHOD_TONE = { get: "bg-emerald-100 text-emerald-800", post: "bg-brand-100 text-brand-700" };
const placeholderValues = (op: ApiOperation) =>
  Object.fromEntries(describeParams(op).map((p) => [p.name, p.example.replace(/\{\{(\w+)\}\}/g, (_, k: string) => `<${k === "depositId" ? "invoice_id" : k}>`)]));

// Readable without signing in; the console needs a merchant session or a pasted key.
export default async function DocsPage() {
  const [t, locale, session] = await Promise.all([getTranslations("docs"), getLocale(), getSession()]);
  const base = appUrl();
  // The console issues sandbox keys: only for members whose role manages keys (owner, developer).
  const membership = session?.user?.role === "MERCHANT" ? await resolveActiveMembership(session.user.id) : null;
  const signedInMerchant = can(membership?.role, "developer");
  const lang = locale === "en" ? "en" : "id";
  const other = lang === "en" ? "id" : "en";

  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-6 py-3">
        <Link href="/" aria-label="Saldo">
          <Logo className="h-7 w-auto" />
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <a href="/api/v1/openapi.json" className="font-medium text-brand-700 hover:underline">{t("openapi")}</a>
          {!session?.user && <Link href="/login" className="font-medium hover:underline">{t("signIn")}</Link>}
          <LanguageSwitch signedIn={Boolean(session?.user)} />
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl gap-8 px-4 py-8">
        <nav aria-label={t("title")} className="sticky top-4 hidden h-fit w-48 shrink-0 text-sm lg:block">
          <ul className="space-y-1">
            {[...GROUPS, "callbacks" as const, "errors" as const].map((g) => (
              <li key={g}><a href={`#${g}`} className="text-slate-600 hover:text-brand-700">{t(`groups.${g}`)}</a></li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 flex-1">
          <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("subtitle")}</p>
          <section className="mt-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 className="font-semibold">{t("consoleTitle")}</h2>
            <p className="text-slate-600">{signedInMerchant ? t("consoleBody") : t("signInForConsole")}</p>
          </section>

          {GROUPS.map((group) => {
            const ops = ALL_OPERATIONS.filter((op) => op.group === group);
            if (!ops.length) return null;
            return (
              <section key={group} id={group} className="mt-10">
                <h2 className="mb-4 text-xl font-semibold">{t(`groups.${group}`)}</h2>
                <div className="space-y-6">
                  {ops.map((op) => {
                    const params = describeParams(op);
                    const example = buildRequest({ ...op, params }, base, placeholderValues(op), {});
                    return (
                      <article key={op.operationId} id={op.operationId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="operation">
                        <div className="flex flex-wrap items-center gap-2">
                          <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_TONE[op.method]}`}>{op.method}</span>
                          <code className="text-sm font-semibold">{op.path}</code>
                        </div>
                        <h3 className="mt-2 font-semibold">{op.summary[lang]} <span className="font-normal text-slate-500">· {op.summary[other]}</span></h3>
                        <p className="mt-1 text-sm text-slate-700">{op.description[lang]}</p>
                        <p className="text-sm text-slate-500">{op.description[other]}</p>
                        <p className="mt-1 text-xs text-slate-500">{op.auth === "apiKey" ? t("authKey") : op.auth === "sign" ? t("authSign") : t("authNone")}</p>
                        {params.length > 0 && (
                          <div className="mt-3 overflow-hidden rounded-md border border-slate-200">
                            <p className="border-b border-slate-200 px-4 py-1.5 text-sm font-medium">{t("parameters")}</p>
                            <DataTable
                              bare
                              caption={`${t("parameters")} · ${op.summary[lang]}`}
                              items={params}
                              columns={[
                                { id: "name", header: t("name"), kind: "mono", cell: (p) => p.name },
                                { id: "location", header: t("location"), cell: (p) => p.in },
                                { id: "required", header: t("required"), cell: (p) => (p.required ? t("required") : t("optional")) },
                                { id: "description", header: t("description"), cell: (p) => p.description },
                              ]}
                              empty={{ title: t("parameters") }}
                            />
                          </div>
                        )}
                        <div className="mt-3 grid gap-3 lg:grid-cols-2">
                          <div>
                            <p className="mb-1 text-sm font-medium">{t("exampleRequest")}</p>
                            <CodeSamples label={t("exampleRequest")} samples={{ curl: curlCommand(example), node: nodeSample(example), php: phpSample(example) }} />
                          </div>
                          <div>
                            <p className="mb-1 text-sm font-medium">{t("exampleResponse")}</p>
                            <pre tabIndex={0} className="max-h-72 overflow-auto rounded-md bg-slate-50 p-3 text-xs">{op.responseExample === null ? op.responseContentType : JSON.stringify(op.responseExample, null, 2)}</pre>
                          </div>
                        </div>
                        <div className="mt-3">
                          <Console op={{ operationId: op.operationId, method: op.method, path: op.path, auth: op.auth, params, signSuffix: op.signSuffix }} signedInMerchant={signedInMerchant} />
                        </div>
                      </article>
                    );
                  })}
                </div>
              </section>
            );
          })}

          <section id="callbacks" className="mt-10">
            <h2 className="mb-2 text-xl font-semibold">{t("groups.callbacks")}</h2>
            <p className="mb-4 text-sm text-slate-600">{t("callbacksBody")}</p>
            {!signedInMerchant && <p className="mb-2 text-xs text-slate-500">{t("signInForConsole")}</p>}
            <div className="space-y-3">
              {CALLBACKS.map((cb) => (
                <article key={cb.type} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="callback-doc">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <code className="font-semibold">{cb.type}</code>
                    {signedInMerchant && <CallbackTester type={cb.type} />}
                  </div>
                  <p className="text-sm text-slate-600">{cb.summary}</p>
                  <pre tabIndex={0} className="mt-2 max-h-60 overflow-auto rounded-md bg-slate-50 p-3 text-xs">{JSON.stringify((cb.schema.meta() as { example?: unknown }).example, null, 2)}</pre>
                </article>
              ))}
            </div>
          </section>

          <section id="errors" className="mt-10">
            <h2 className="mb-2 text-xl font-semibold">{t("groups.errors")}</h2>
            <p className="text-sm text-slate-700">{t("errorsBody")}</p>
            <pre className="mt-2 rounded-md bg-slate-50 p-3 text-xs">{JSON.stringify({ success: false, error: "Invoice tidak bisa dibatalkan, status saat ini: paid", code: "VALIDATION" }, null, 2)}</pre>
          </section>
        </main>
      </div>
    </div>
  );
}
