import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatWib } from "@/lib/format";
import { devMailboxEnabled, listMailMessages } from "@/server/mail/dev-mailbox";
import { DataTable } from "../../_components/data-table";
import { Badge, PageHeader, pageParam } from "../../_components/ui";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("devMailbox");

export default async function DevMailboxPage({ searchParams }: { searchParams: SearchParams }) {
  if (!devMailboxEnabled()) notFound();
  const params = await searchParams;
  const page = pageParam(params.page);
  const [t, locale, list] = await Promise.all([getTranslations("devMailbox"), getLocale(), listMailMessages({ page, pageSize: 25 })]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <DataTable
        caption={t("title")}
        items={list.items}
        rowKey={(m) => m.id}
        rowTestId="mail-row"
        empty={{ title: t("empty") }}
        pagination={{ page: list.page, totalPages: list.totalPages, href: "/dev/mailbox" }}
        columns={[
          { id: "time", header: t("time"), kind: "time", cell: (m) => formatWib(m.createdAt, locale) },
          { id: "to", header: t("to"), cell: (m) => m.to },
          {
            id: "subject",
            header: t("subject"),
            cell: (m) => (
              <Link href={`/dev/mailbox/${m.id}`} className="font-medium text-brand-600 hover:underline">
                {m.subject}
              </Link>
            ),
          },
          { id: "kind", header: t("kind"), kind: "mono", cell: (m) => m.kind },
          { id: "status", header: t("status"), cell: (m) => <Badge tone={m.status === "failed" ? "red" : m.status === "pending" || m.status === "sending" ? "amber" : "green"}>{m.status}</Badge> },
        ]}
      />
    </>
  );
}
