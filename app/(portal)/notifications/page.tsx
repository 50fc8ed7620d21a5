import { getLocale, getTranslations } from "next-intl/server";
import { formatWib } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { MarkReadButton } from "./mark-read-button";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("notifications");

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const page = pageParam((await searchParams).page);
  const [t, locale, trpc] = await Promise.all([getTranslations("notifications"), getLocale(), serverTrpc()]);
  const list = await trpc.treasury.notifications({ page, pageSize: 20 });
  return (
    <>
      <PageHeader title={t("title")} actions={list.unread > 0 ? <MarkReadButton label={t("markRead")} /> : undefined} />
      <Card>
        {list.total === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <>
            <ul className="divide-y divide-slate-100">
              {list.items.map((n) => (
                <li key={n.id} className="flex flex-col gap-1 px-4 py-3" data-testid="notification" data-type={n.type}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{n.title}</span>
                    {!n.readAt && <Badge tone="blue">{t("unread")}</Badge>}
                    <span className="ml-auto text-xs text-slate-500">{formatWib(n.createdAt, locale)}</span>
                  </div>
                  <p className="text-sm text-slate-600">{n.body}</p>
                </li>
              ))}
            </ul>
            <Pagination
              page={list.page}
              totalPages={list.totalPages}
              hrefFor={(p) => `/notifications?page=${p}`}
            />
          </>
        )}
      </Card>
    </>
  );
}
