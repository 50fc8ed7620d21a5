import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatRupiah, formatWib } from "@/lib/format";
import { DataTable } from "../../_components/data-table";
import { StatusBadge } from "../../_components/status-badge";
import { Badge, PageHeader, pageParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { AssignMutationForm, AssignToggle } from "./assign-form";
import { ResolveReviewForm, ResolveReviewToggle } from "./review-actions";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("adminDeposits");

const FILTERS = ["unmatched", "matched", "assigned", "all"] as const;
type Filter = (typeof FILTERS)[number];
const OUTCOMES = ["unknown_reference", "amount_mismatch", "late_payment"] as const;

const MUTATIONS_PAGE_SIZE = 20;
const REVIEWS_PAGE_SIZE = 10;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function BankMutationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const params = await searchParams;
  const requested = first(params.status);
  const filter: Filter = (FILTERS as readonly string[]).includes(requested ?? "") ? (requested as Filter) : "unmatched";
  const page = pageParam(params.page);
  const reviewsPage = pageParam(params.reviewsPage);
  const [t, locale, trpc] = await Promise.all([getTranslations("adminDeposits"), getLocale(), serverTrpc()]);
  const [mutations, reviews] = await Promise.all([
    trpc.bankMutations.list({ page, pageSize: MUTATIONS_PAGE_SIZE, status: filter === "all" ? undefined : filter }),
    trpc.bankMutations.paymentReviews({ page: reviewsPage, pageSize: REVIEWS_PAGE_SIZE }),
  ]);

  const hrefFor = (next: { status?: Filter; page?: number; reviewsPage?: number }) => {
    const query = new URLSearchParams();
    const status = next.status ?? filter;
    if (status !== "unmatched") query.set("status", status);
    const p = next.page ?? (next.status ? 1 : page);
    if (p > 1) query.set("page", String(p));
    const rp = next.reviewsPage ?? reviewsPage;
    if (rp > 1) query.set("reviewsPage", String(rp));
    const text = query.toString();
    return text ? `/admin/bank-mutations?${text}` : "/admin/bank-mutations";
  };

  const outcomeLabel = (outcome: string) => t(`reviews.outcome.${(OUTCOMES as readonly string[]).includes(outcome) ? (outcome as (typeof OUTCOMES)[number]) : "other"}`);

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <nav aria-label={t("filter.label")}>
            <ul className="flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
              {FILTERS.map((f) => (
                <li key={f}>
                  <Link
                    href={hrefFor({ status: f })}
                    aria-current={f === filter ? "page" : undefined}
                    className={`block rounded-md px-3 py-1.5 text-sm font-medium ${f === filter ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
                  >
                    {t(`filter.${f}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        }
      />

      <DataTable
        className="mb-6"
        title={
          <>
            {t("mutations.title")} <span className="font-normal text-slate-500">· {t(`filter.${filter}`)}</span>
          </>
        }
        caption={t("mutations.title")}
        rowTestId="bank-mutation-row"
        testId="bank-mutations-table"
        rowClassName="align-top"
        items={mutations.items}
        rowKey={(m) => m.id}
        expansion={(m) => m.status === "unmatched" ? <AssignMutationForm mutationId={m.id} externalId={m.externalId} /> : undefined}
        columns={[
          { id: "time", header: t("mutations.columns.time"), kind: "time", cell: (m) => formatWib(m.occurredAt, locale) },
          { id: "externalId", header: t("mutations.columns.externalId"), kind: "mono", className: "whitespace-nowrap text-slate-700", cell: (m) => m.externalId },
          { id: "amount", header: t("mutations.columns.amount"), kind: "money", className: "font-medium", cell: (m) => formatRupiah(m.amount) },
          { id: "description", header: t("mutations.columns.description"), className: "text-slate-700", cell: (m) => (
            <>
              {m.description || "—"}
              {m.note && <span className="block text-xs text-slate-500">{t("mutations.noteLabel", { note: m.note })}</span>}
            </>
          ) },
          { id: "status", header: t("mutations.columns.status"), className: "whitespace-nowrap", cell: (m) => <StatusBadge kind="bankMutation" status={m.status} /> },
          { id: "deposit", header: t("mutations.columns.deposit"), kind: "mono", className: "text-slate-600", cell: (m) => m.depositId ?? t("mutations.noDeposit") },
          { id: "actions", header: t("mutations.columns.actions"), kind: "actions", cell: (m) => m.status === "unmatched" ? <AssignToggle mutationId={m.id} externalId={m.externalId} /> : null },
        ]}
        empty={{ title: t("mutations.empty"), body: t("mutations.emptyBody") }}
        pagination={{ page: mutations.page, totalPages: mutations.totalPages, href: hrefFor({}) }}
      />

      <DataTable
        title={t("reviews.title")}
        subtitle={t("reviews.subtitle")}
        rowTestId="payment-review-row"
        testId="payment-reviews-table"
        rowClassName="align-top"
        items={reviews.items}
        rowKey={(r) => r.id}
        expansion={(r) => <ResolveReviewForm eventId={r.id} eventLabel={r.eventId} />}
        columns={[
          { id: "time", header: t("reviews.columns.time"), kind: "time", cell: (r) => (
            <>
              {formatWib(r.createdAt, locale)}
              {r.paidAt && <span className="block text-xs text-slate-500">{t("reviews.paidAt", { time: formatWib(r.paidAt, locale) })}</span>}
            </>
          ) },
          { id: "provider", header: t("reviews.columns.provider"), cell: (r) => r.provider },
          { id: "eventId", header: t("reviews.columns.eventId"), kind: "mono", className: "text-slate-600", cell: (r) => r.eventId },
          { id: "reference", header: t("reviews.columns.reference"), kind: "mono", className: "text-slate-600", cell: (r) => r.reference },
          { id: "amount", header: t("reviews.columns.amount"), kind: "money", className: "font-medium", cell: (r) => formatRupiah(r.amount) },
          { id: "outcome", header: t("reviews.columns.outcome"), className: "whitespace-nowrap", cell: (r) => <Badge tone={r.outcome === "amount_mismatch" ? "red" : "amber"}>{outcomeLabel(r.outcome)}</Badge> },
          { id: "actions", header: t("reviews.columns.actions"), kind: "actions", cell: (r) => <ResolveReviewToggle eventId={r.id} eventLabel={r.eventId} /> },
        ]}
        empty={{ title: t("reviews.empty"), body: t("reviews.emptyBody") }}
        pagination={{ page: reviews.page, totalPages: reviews.totalPages, href: hrefFor({}), param: "reviewsPage" }}
      />
    </>
  );
}
