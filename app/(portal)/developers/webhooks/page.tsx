import { getLocale, getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/format";
import { EVENT_TYPES } from "@/server/webhooks/outbox";
import { DataTable } from "../../../_components/data-table";
import { FilterBar, FilterSelect } from "../../../_components/filter-select";
import { StatusBadge } from "../../../_components/status-badge";
import { Card, PageHeader, listHref, pageParam } from "../../../_components/ui";
import { requireMerchant } from "../../../_lib/session";
import { RoleNotice } from "../../../_components/role-notice";
import { serverTrpc } from "../../../_trpc/server";
import { EndpointForm } from "./endpoint-form";
import { ResendButton } from "./resend-button";
import { titleFrom, type SearchParams } from "../../../_lib/metadata";

export const generateMetadata = titleFrom("webhooks");

const STATUSES = ["pending", "delivered", "failed", "skipped"] as const;
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

export default async function WebhooksPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await requireMerchant();
  // Keys and webhooks are for owners and developers; the page says so instead of calling for them.
  if (!me.can("developer")) {
    const t = await getTranslations("webhooks");
    return (
      <>
        <PageHeader title={t("title")} subtitle={t("subtitle")} />
        <RoleNotice />
      </>
    );
  }
  const params = await searchParams;
  const page = pageParam(params.page);
  const type = EVENT_TYPES.find((t) => t === params.type);
  const status = STATUSES.find((s) => s === params.status);
  const [t, locale, trpc] = await Promise.all([getTranslations("webhooks"), getLocale(), serverTrpc()]);
  const [endpoint, log] = await Promise.all([trpc.webhooks.endpoint(), trpc.webhooks.deliveries({ page, pageSize: 20, type, status })]);

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title={t("endpointTitle")}>
          <EndpointForm endpoint={endpoint} eventTypes={[...SUBSCRIBABLE]} />
        </Card>
        <Card title={t("verifyTitle")} subtitle={t("verifyBody")} className="text-sm">
          <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"><code>{VERIFY_SNIPPET}</code></pre>
        </Card>
      </div>

      <DataTable
        title={t("logTitle")}
        actions={
          <FilterBar action="/developers/webhooks" applyLabel={t("apply")} className="">
            <FilterSelect id="log-type" name="type" label={t("filterType")} defaultValue={type ?? ""} allLabel={t("any")} options={EVENT_TYPES.map((e) => ({ value: e, label: e }))} />
            <FilterSelect id="log-status" name="status" label={t("filterStatus")} defaultValue={status ?? ""} allLabel={t("any")} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </FilterBar>
        }
        rowTestId="delivery-row"
        rowClassName="align-top"
        items={log.items}
        rowKey={(event) => event.id}
        rowData={(event) => ({ "event-type": event.type })}
        columns={[
          { id: "time", header: t("columns.time"), kind: "time", cell: (event) => formatWib(event.createdAt, locale) },
          { id: "type", header: t("columns.type"), kind: "mono", cell: (event) => event.type },
          { id: "event", header: t("columns.event"), kind: "mono", className: "text-slate-500", cell: (event) => event.id },
          { id: "status", header: t("columns.status"), cell: (event) => <StatusBadge kind="delivery" status={event.status} /> },
          { id: "attempts", header: t("columns.attempts"), className: "min-w-56", cell: (event) => (
            <>
              <span className="tabular" data-testid="attempt-count">
                {event.deliveries.length}
              </span>
              <details className="mt-1">
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
                        {a.responseBody && <pre tabIndex={0} className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all text-slate-600">{a.responseBody}</pre>}
                      </li>
                    ))}
                  </ol>
                )}
              </details>
            </>
          ) },
          { id: "resend", header: t("resend"), kind: "actions", cell: (event) => <ResendButton eventId={event.id} /> },
        ]}
        empty={{ title: t("empty"), body: t("emptyBody") }}
        pagination={{ page: log.page, totalPages: log.totalPages, href: listHref("/developers/webhooks", { type, status }) }}
      />
    </>
  );
}
