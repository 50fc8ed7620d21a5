import { getLocale, getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/format";
import { TwoLines } from "../../_components/cells";
import { DataTable } from "../../_components/data-table";
import { Field } from "../../_components/field";
import { FilterBar, FilterSelect } from "../../_components/filter-select";
import { StatusBadge } from "../../_components/status-badge";
import { PageHeader, listHref, pageParam, textParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom, type SearchParams } from "../../_lib/metadata";
import { RetryMailButton } from "./retry-mail-button";

export const generateMetadata = titleFrom("mailLog");

const STATUSES = ["pending", "sending", "sent", "kept", "failed"] as const;

export default async function MailLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const params = await searchParams;
  const page = pageParam(params.page);
  const status = STATUSES.find((s) => s === params.status);
  const kind = textParam(params.kind, 64);
  const recipient = textParam(params.to, 254);
  const [t, locale, trpc] = await Promise.all([getTranslations("mailLog"), getLocale(), serverTrpc()]);
  const [log, kinds] = await Promise.all([
    trpc.mailLog.list({ page, pageSize: 50, status, kind: kind || undefined, recipient: recipient || undefined }),
    trpc.mailLog.kinds(),
  ]);

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <FilterBar action="/admin/mail" label={t("title")} applyLabel={t("apply")} reset={{ href: "/admin/mail", label: t("reset") }}>
        <FilterSelect id="mail-status" name="status" label={t("filterStatus")} defaultValue={status ?? ""} allLabel={t("anyStatus")} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <FilterSelect id="mail-kind" name="kind" label={t("filterKind")} defaultValue={kind} allLabel={t("anyKind")} options={kinds.map((k) => ({ value: k, label: k }))} />
        <Field id="mail-to" name="to" type="search" label={t("filterRecipient")} defaultValue={recipient} />
      </FilterBar>
      <DataTable
        caption={t("title")}
        rowTestId="mail-row"
        rowClassName="align-top"
        items={log.items}
        columns={[
          { id: "to", header: t("columns.to"), cell: (m) => (
            <TwoLines sub={m.kind} mono>
              {m.to}
            </TwoLines>
          ) },
          { id: "subject", header: t("columns.subject"), className: "max-w-xs", cell: (m) => <span className="break-words">{m.subject}</span> },
          { id: "status", header: t("columns.status"), cell: (m) => <StatusBadge kind="mail" status={m.status} /> },
          { id: "attempts", header: t("columns.attempts"), kind: "mono", cell: (m) => String(m.attempts) },
          { id: "error", header: t("columns.lastError"), className: "max-w-xs text-xs", cell: (m) => (m.lastError ? <span className="break-all text-rose-700">{m.lastError}</span> : "—") },
          { id: "created", header: t("columns.created"), kind: "time", cell: (m) => formatWib(m.createdAt, locale) },
          { id: "sent", header: t("columns.sent"), kind: "time", cell: (m) => (m.sentAt ? formatWib(m.sentAt, locale) : "—") },
          { id: "actions", header: t("columns.actions"), kind: "actions", cell: (m) => (m.status === "failed" ? <RetryMailButton id={m.id} to={m.to} /> : null) },
        ]}
        empty={{ title: t("empty"), body: t("emptyBody") }}
        pagination={{ page: log.page, totalPages: log.totalPages, href: listHref("/admin/mail", { status, kind, to: recipient }) }}
      />
    </>
  );
}
