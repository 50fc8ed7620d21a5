import { getLocale, getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/format";
import { EVENT_TYPES } from "@/server/webhooks/outbox";
import { Badge, Card, EmptyState, PageHeader, Pagination, pageParam } from "../../../_components/ui";
import { requireMerchant } from "../../../_lib/session";
import { serverTrpc } from "../../../_trpc/server";
import { EndpointForm } from "./endpoint-form";
import { ResendButton } from "./resend-button";

export async function generateMetadata() {
  return { title: (await getTranslations("webhooks"))("title") };
}

const STATUSES = ["pending", "delivered", "failed", "skipped"] as const;
const TONES = { pending: "amber", sending: "amber", delivered: "green", failed: "red", skipped: "grey" } as const;
const SUBSCRIBABLE = EVENT_TYPES.filter((t) => t !== "webhook.test");

const VERIFY_SNIPPET = `import { Webhook } from "standardwebhooks"; // npm install standardwebhooks

const wh = new Webhook(process.env.SALDO_WEBHOOK_SECRET); // "whsec_…"
app.post("/saldo/callback", express.raw({ type: "application/json" }), (req, res) => {
  let event;
  try {
    event = wh.verify(req.body, req.headers); // throws on a bad signature or an old timestamp
  } catch {
    return res.status(400).end();
  }
  // event.id is stable across retries: ignore ids you have already processed.
  handle(event.type, event.data);
  res.status(204).end();
});`;

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const type = EVENT_TYPES.find((t) => t === params.type);
  const status = STATUSES.find((s) => s === params.status);
  const [t, locale, trpc] = await Promise.all([getTranslations("webhooks"), getLocale(), serverTrpc()]);
  const [endpoint, log] = await Promise.all([trpc.webhooks.endpoint(), trpc.webhooks.deliveries({ page, pageSize: 20, type, status })]);
  const query = (p: number) => `/developers/webhooks?${new URLSearchParams({ ...(type ? { type } : {}), ...(status ? { status } : {}), page: String(p) })}`;

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">{t("endpointTitle")}</h2>
          <EndpointForm endpoint={endpoint} eventTypes={[...SUBSCRIBABLE]} />
        </Card>
        <Card className="p-5 text-sm">
          <h2 className="mb-2 font-semibold">{t("verifyTitle")}</h2>
          <p className="mb-3 text-slate-600">{t("verifyBody")}</p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"><code>{VERIFY_SNIPPET}</code></pre>
        </Card>
      </div>

      <Card>
        <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">{t("logTitle")}</h2>
          <form className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
              {t("filterType")}
              <select name="type" defaultValue={type ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
                <option value="">{t("any")}</option>
                {EVENT_TYPES.map((e) => <option key={e} value={e}>{e}</option>)}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
              {t("filterStatus")}
              <select name="status" defaultValue={status ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
                <option value="">{t("any")}</option>
                {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
              </select>
            </label>
            <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">{t("apply")}</button>
          </form>
        </div>
        {log.total === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        ) : (
          <>
            <ul className="divide-y divide-slate-100">
              {log.items.map((event) => (
                <li key={event.id} className="px-4 py-3" data-testid="delivery-row" data-event-type={event.type}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div className="flex flex-wrap items-center gap-3 text-sm">
                      <span className="text-slate-500">{formatWib(event.createdAt, locale)}</span>
                      <span className="font-mono text-xs">{event.type}</span>
                      <span className="font-mono text-xs text-slate-500">{event.id}</span>
                      <Badge tone={TONES[event.status as keyof typeof TONES] ?? "grey"}>{t(`status.${(event.status in TONES ? event.status : "pending") as "pending"}`)}</Badge>
                      <span className="text-xs text-slate-500" data-testid="attempt-count">{t("columns.attempts")}: {event.deliveries.length}</span>
                    </div>
                    <ResendButton eventId={event.id} />
                  </div>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-xs text-brand-700">{t("attemptsTitle")}</summary>
                    {event.deliveries.length === 0 ? (
                      <p className="mt-1 text-xs text-slate-500">{event.lastError ?? t("noAttempts")}</p>
                    ) : (
                      <ol className="mt-2 space-y-2">
                        {event.deliveries.map((a) => (
                          <li key={a.id} className="rounded-md bg-slate-50 p-2 text-xs" data-testid="delivery-attempt">
                            <div className="flex flex-wrap gap-3">
                              <span className="font-semibold">{t("attempt", { n: a.attempt })}</span>
                              <span>{formatWib(a.createdAt, locale)}</span>
                              <span className={a.statusCode && a.statusCode < 300 ? "text-emerald-700" : "text-rose-700"}>{a.statusCode ?? t("noResponse")}</span>
                              <span>{t("latency", { ms: a.latencyMs })}</span>
                              {a.manual && <span className="text-slate-500">{t("manual")}</span>}
                            </div>
                            {a.error && <p className="mt-1 text-rose-700">{a.error}</p>}
                            {a.responseBody && <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all text-slate-600">{a.responseBody}</pre>}
                          </li>
                        ))}
                      </ol>
                    )}
                  </details>
                </li>
              ))}
            </ul>
            <Pagination
              page={log.page}
              totalPages={log.totalPages}
              hrefFor={query}
            />
          </>
        )}
      </Card>
    </>
  );
}
