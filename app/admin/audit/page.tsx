import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatWib } from "@/lib/format";
import { Card, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("adminTools.audit"))("title") };
}

const ACTOR_TYPES = ["USER", "API_KEY", "PROVIDER", "WORKER", "SYSTEM"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: string | string[] | undefined, max: number) => (typeof value === "string" ? value.trim().slice(0, max) : "");

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = await searchParams;
  const page = pageParam(params.page);
  const merchant = text(params.merchant, 64);
  const action = text(params.action, 100);
  const actor = ACTOR_TYPES.find((a) => a === params.actor);
  const from = DAY.test(text(params.from, 10)) ? text(params.from, 10) : "";
  const to = DAY.test(text(params.to, 10)) ? text(params.to, 10) : "";
  const [t, locale, trpc] = await Promise.all([getTranslations("adminTools.audit"), getLocale(), serverTrpc()]);
  const [log, actions] = await Promise.all([
    trpc.adminDesk.auditLog({
      page,
      pageSize: 50,
      merchantId: merchant || undefined,
      action: action || undefined,
      actorType: actor,
      from: from || undefined,
      to: to || undefined,
    }),
    trpc.adminDesk.auditActions(),
  ]);
  const filters = { ...(merchant ? { merchant } : {}), ...(action ? { action } : {}), ...(actor ? { actor } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  const label = "text-sm font-medium text-slate-700";

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("title")}>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-merchant" className={label}>{t("merchant")}</label>
          <input id="audit-merchant" name="merchant" defaultValue={merchant} className={`${input} font-mono`} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-action" className={label}>{t("action")}</label>
          <input id="audit-action" name="action" defaultValue={action} list="audit-actions" aria-describedby="audit-action-hint" className={input} />
          <datalist id="audit-actions">
            {actions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <span id="audit-action-hint" className="sr-only">{t("actionHint")}</span>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-actor" className={label}>{t("actorType")}</label>
          <select id="audit-actor" name="actor" defaultValue={actor ?? ""} className={input}>
            <option value="">{t("anyActor")}</option>
            {ACTOR_TYPES.map((a) => (
              <option key={a} value={a}>{t(`actorTypes.${a}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-from" className={label}>{t("from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={from} className={input} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-to" className={label}>{t("to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={to} className={input} />
        </div>
        <button className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700">{t("apply")}</button>
        <Link href="/admin/audit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">{t("reset")}</Link>
      </form>
      <Card>
        {log.total === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.time")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.actor")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.action")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.target")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.merchant")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.details")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {log.items.map((entry) => (
                    <tr key={entry.id} data-testid="audit-row" className="align-top">
                      <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWib(entry.createdAt, locale)}</td>
                      <td className="px-4 py-2">
                        {ACTOR_TYPES.find((a) => a === entry.actorType) ? t(`actorTypes.${entry.actorType as "USER"}`) : entry.actorType}
                        {entry.actorId && <span className="block font-mono text-[11px] text-slate-500">{entry.actorId}</span>}
                      </td>
                      <td className="px-4 py-2 font-mono text-xs">{entry.action}</td>
                      <td className="px-4 py-2 text-xs">
                        {entry.targetType ?? "—"}
                        {entry.targetId && <span className="block font-mono text-[11px] text-slate-500">{entry.targetId}</span>}
                      </td>
                      <td className="px-4 py-2">
                        {entry.merchantId ? (
                          <Link href={`/admin/merchants/${entry.merchantId}`} className="text-brand-700 hover:underline">
                            {entry.merchantName ?? entry.merchantId}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="max-w-xs px-4 py-2">
                        {entry.metadata ? <code className="block break-all text-[11px] text-slate-600">{entry.metadata.slice(0, 300)}</code> : "—"}
                        {entry.ip && <span className="block text-[11px] text-slate-500">IP {entry.ip}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={log.page}
              totalPages={log.totalPages}
              hrefFor={(p) => `/admin/audit?${new URLSearchParams({ ...filters, page: String(p) })}`}
            />
          </>
        )}
      </Card>
    </>
  );
}
