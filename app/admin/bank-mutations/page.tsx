import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatRupiah, formatWib } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { AssignableMutationRow } from "./assign-form";

export async function generateMetadata() {
  return { title: (await getTranslations("adminDeposits"))("title") };
}

const FILTERS = ["unmatched", "matched", "assigned", "all"] as const;
type Filter = (typeof FILTERS)[number];
const STATUS_TONES = { unmatched: "amber", matched: "green", assigned: "blue" } as const;
const OUTCOMES = ["unknown_reference", "amount_mismatch", "late_payment"] as const;

const MUTATIONS_PAGE_SIZE = 20;
const MUTATION_COLUMNS = 7;
const REVIEWS_PAGE_SIZE = 10;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function BankMutationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = await searchParams;
  const requested = first(params.status);
  const filter: Filter = (FILTERS as readonly string[]).includes(requested ?? "") ? (requested as Filter) : "unmatched";
  const page = pageParam(params.page);
  const reviewsPage = pageParam(params.reviewsPage);
  const [t, locale, trpc] = await Promise.all([getTranslations("adminDeposits"), getLocale(), serverTrpc()]);
  const [mutations, reviews] = await Promise.all([
    trpc.admin.bankMutations({ page, pageSize: MUTATIONS_PAGE_SIZE, status: filter === "all" ? undefined : filter }),
    trpc.admin.paymentReviews({ page: reviewsPage, pageSize: REVIEWS_PAGE_SIZE }),
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

  const statusLabel = (status: string) => t(`status.${status in STATUS_TONES ? (status as keyof typeof STATUS_TONES) : "other"}`);
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

      <Card className="mb-6">
        <h2 className="border-b border-slate-200 px-4 py-3 font-semibold">
          {t("mutations.title")} <span className="font-normal text-slate-500">· {t(`filter.${filter}`)}</span>
        </h2>
        {mutations.items.length === 0 ? (
          <EmptyState title={t("mutations.empty")} body={t("mutations.emptyBody")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="bank-mutations-table">
                <caption className="sr-only">{t("mutations.title")}</caption>
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">{t("mutations.columns.time")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("mutations.columns.externalId")}</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">{t("mutations.columns.amount")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("mutations.columns.description")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("mutations.columns.status")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("mutations.columns.deposit")}</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">
                      <span className="sr-only">{t("mutations.columns.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {mutations.items.map((m) => {
                    const cells = (
                      <>
                        <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWib(m.occurredAt, locale)}</td>
                        <td className="whitespace-nowrap px-4 py-2 font-mono text-xs text-slate-700">{m.externalId}</td>
                        <td className="tabular whitespace-nowrap px-4 py-2 text-right font-medium">{formatRupiah(m.amount)}</td>
                        <td className="px-4 py-2 text-slate-700">
                          {m.description || "—"}
                          {m.note && <span className="block text-xs text-slate-500">{t("mutations.noteLabel", { note: m.note })}</span>}
                        </td>
                        <td className="whitespace-nowrap px-4 py-2">
                          <Badge tone={STATUS_TONES[m.status as keyof typeof STATUS_TONES] ?? "grey"}>{statusLabel(m.status)}</Badge>
                        </td>
                        <td className="px-4 py-2 font-mono text-xs text-slate-600">{m.depositId ?? t("mutations.noDeposit")}</td>
                      </>
                    );
                    return m.status === "unmatched" ? (
                      <AssignableMutationRow key={m.id} mutationId={m.id} externalId={m.externalId} columns={MUTATION_COLUMNS}>
                        {cells}
                      </AssignableMutationRow>
                    ) : (
                      <tr key={m.id} data-testid="bank-mutation-row" className="align-top">
                        {cells}
                        <td className="px-4 py-2" />
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pagination
              page={mutations.page}
              totalPages={mutations.totalPages}
              hrefFor={(p) => hrefFor({ page: p })}
            />
          </>
        )}
      </Card>

      <Card>
        <div className="border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">{t("reviews.title")}</h2>
          <p className="mt-0.5 text-sm text-slate-600">{t("reviews.subtitle")}</p>
        </div>
        {reviews.items.length === 0 ? (
          <EmptyState title={t("reviews.empty")} body={t("reviews.emptyBody")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="payment-reviews-table">
                <caption className="sr-only">{t("reviews.title")}</caption>
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">{t("reviews.columns.time")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("reviews.columns.provider")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("reviews.columns.eventId")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("reviews.columns.reference")}</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">{t("reviews.columns.amount")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("reviews.columns.outcome")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {reviews.items.map((r) => (
                    <tr key={r.id} data-testid="payment-review-row" className="align-top">
                      <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                        {formatWib(r.createdAt, locale)}
                        {r.paidAt && <span className="block text-xs text-slate-500">{t("reviews.paidAt", { time: formatWib(r.paidAt, locale) })}</span>}
                      </td>
                      <td className="px-4 py-2">{r.provider}</td>
                      <td className="px-4 py-2 font-mono text-xs text-slate-600">{r.eventId}</td>
                      <td className="px-4 py-2 font-mono text-xs text-slate-600">{r.reference}</td>
                      <td className="tabular whitespace-nowrap px-4 py-2 text-right font-medium">{formatRupiah(r.amount)}</td>
                      <td className="whitespace-nowrap px-4 py-2">
                        <Badge tone={r.outcome === "amount_mismatch" ? "red" : "amber"}>{outcomeLabel(r.outcome)}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={reviews.page}
              totalPages={reviews.totalPages}
              hrefFor={(p) => hrefFor({ reviewsPage: p })}
            />
          </>
        )}
      </Card>
    </>
  );
}
