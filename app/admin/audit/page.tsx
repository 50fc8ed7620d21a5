import { getLocale, getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/format";
import { isWibDate } from "@/lib/wib-date";
import { MerchantLink, TwoLines } from "../../_components/cells";
import { DataTable } from "../../_components/data-table";
import { Field } from "../../_components/field";
import { FilterBar, FilterSelect } from "../../_components/filter-select";
import { PageHeader, listHref, pageParam, textParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("adminTools.audit");

const ACTOR_TYPES = ["USER", "API_KEY", "PROVIDER", "WORKER", "SYSTEM"] as const;

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const params = await searchParams;
  const page = pageParam(params.page);
  const merchant = textParam(params.merchant, 64);
  const action = textParam(params.action, 100);
  const actor = ACTOR_TYPES.find((a) => a === params.actor);
  const from = isWibDate(textParam(params.from, 10)) ? textParam(params.from, 10) : "";
  const to = isWibDate(textParam(params.to, 10)) ? textParam(params.to, 10) : "";
  const [t, locale, trpc] = await Promise.all([getTranslations("adminTools.audit"), getLocale(), serverTrpc()]);
  const [log, actions] = await Promise.all([
    trpc.auditLog.list({
      page,
      pageSize: 50,
      merchantId: merchant || undefined,
      action: action || undefined,
      actorType: actor,
      from: from || undefined,
      to: to || undefined,
    }),
    trpc.auditLog.actions(),
  ]);
  const actorLabel = (type: string) => (ACTOR_TYPES.find((a) => a === type) ? t(`actorTypes.${type}`) : type);

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <FilterBar action="/admin/audit" label={t("title")} applyLabel={t("apply")} reset={{ href: "/admin/audit", label: t("reset") }}>
        <Field id="audit-merchant" name="merchant" label={t("merchant")} defaultValue={merchant} />
        <Field id="audit-action" name="action" label={t("action")} defaultValue={action} list="audit-actions" hint={<span className="sr-only">{t("actionHint")}</span>} />
        <datalist id="audit-actions">
          {actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <FilterSelect id="audit-actor" name="actor" label={t("actorType")} defaultValue={actor ?? ""} allLabel={t("anyActor")} options={ACTOR_TYPES.map((a) => ({ value: a, label: t(`actorTypes.${a}`) }))} />
        <Field id="audit-from" name="from" type="date" label={t("from")} defaultValue={from} />
        <Field id="audit-to" name="to" type="date" label={t("to")} defaultValue={to} />
      </FilterBar>
      <DataTable
        caption={t("title")}
        rowTestId="audit-row"
        rowClassName="align-top"
        items={log.items}
        columns={[
          { id: "time", header: t("columns.time"), kind: "time", cell: (entry) => formatWib(entry.createdAt, locale) },
          { id: "actor", header: t("columns.actor"), cell: (entry) => (
            <TwoLines sub={entry.actorId} mono>
              {actorLabel(entry.actorType)}
            </TwoLines>
          ) },
          { id: "action", header: t("columns.action"), kind: "mono", cell: (entry) => entry.action },
          { id: "target", header: t("columns.target"), className: "text-xs", cell: (entry) => (
            <TwoLines sub={entry.targetId} mono>
              {entry.targetType ?? "—"}
            </TwoLines>
          ) },
          { id: "merchant", header: t("columns.merchant"), cell: (entry) => entry.merchantId ? <MerchantLink id={entry.merchantId} name={entry.merchantName ?? entry.merchantId} /> : "—" },
          { id: "details", header: t("columns.details"), className: "max-w-xs", cell: (entry) => (
            <>
              {entry.metadata ? <code className="block break-all text-[11px] text-slate-600">{entry.metadata.slice(0, 300)}</code> : "—"}
              {entry.ip && <span className="block text-[11px] text-slate-500">IP {entry.ip}</span>}
            </>
          ) },
        ]}
        empty={{ title: t("empty"), body: t("emptyBody") }}
        pagination={{ page: log.page, totalPages: log.totalPages, href: listHref("/admin/audit", { merchant, action, actor, from, to }) }}
      />
    </>
  );
}
