import { getLocale, getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/format";
import { DataTable } from "../_components/data-table";
import { Badge, Card, CardHeader, PageHeader, pageParam } from "../_components/ui";
import { titleFrom, type SearchParams } from "../_lib/metadata";
import { serverTrpc } from "../_trpc/server";
import { ChangePasswordForm, RevokeOthersButton, RevokeSessionButton } from "./security-actions";

export const generateMetadata = titleFrom("security");

export default async function SecurityPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const page = pageParam(params.page);
  const [t, locale, trpc] = await Promise.all([getTranslations("security"), getLocale(), serverTrpc()]);
  const [sessions, signIns] = await Promise.all([trpc.account.sessions(), trpc.account.signIns({ page, pageSize: 20 })]);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="flex flex-col gap-6">
        <DataTable
          title={t("sessions")}
          subtitle={t("sessionsHint")}
          actions={others > 0 ? <RevokeOthersButton /> : undefined}
          items={sessions}
          rowKey={(s) => s.id}
          rowData={(s) => ({ current: s.current ? "true" : "false" })}
          rowTestId="session-row"
          empty={{ title: t("noOtherSessions") }}
          columns={[
            {
              id: "device",
              header: t("device"),
              cell: (s) => (
                <span className="flex flex-wrap items-center gap-2">
                  <span>{s.device}</span>
                  {s.current && <Badge tone="green">{t("thisDevice")}</Badge>}
                </span>
              ),
            },
            { id: "ip", header: t("ip"), kind: "mono", cell: (s) => s.ip ?? "—" },
            { id: "created", header: t("created"), kind: "time", cell: (s) => formatWib(s.createdAt, locale) },
            { id: "lastSeen", header: t("lastSeen"), kind: "time", cell: (s) => formatWib(s.lastSeenAt, locale) },
            { id: "actions", header: t("signOut"), kind: "actions", cell: (s) => (s.current ? null : <RevokeSessionButton sessionId={s.id} device={s.device} />) },
          ]}
        />
        <DataTable
          title={t("signIns")}
          items={signIns.items}
          rowKey={(e) => e.id}
          rowData={(e) => ({ success: e.success ? "true" : "false" })}
          rowTestId="sign-in-row"
          empty={{ title: t("signInsEmpty") }}
          pagination={{ page: signIns.page, totalPages: signIns.totalPages, href: "/security" }}
          columns={[
            { id: "time", header: t("time"), kind: "time", cell: (e) => formatWib(e.createdAt, locale) },
            { id: "device", header: t("device"), cell: (e) => e.device },
            { id: "ip", header: t("ip"), kind: "mono", cell: (e) => e.ip ?? "—" },
            { id: "result", header: t("result"), cell: (e) => (e.success ? <Badge tone="green">{t("success")}</Badge> : <Badge tone="red">{t("failure")}</Badge>) },
          ]}
        />
        <Card>
          <CardHeader title={t("changePassword")} subtitle={t("changePasswordHint")} />
          <div className="max-w-md p-4">
            <ChangePasswordForm />
          </div>
        </Card>
      </div>
    </>
  );
}
