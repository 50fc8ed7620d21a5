// Small presentational pieces shared by pages: headers, cards, empty states, pagination, badges.
// No hooks of React state here, so server pages and client components can both use them.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { wibDay } from "@/lib/format";
import { isWibDate } from "@/lib/wib-date";
import { Fragment, type ReactNode } from "react";

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0 max-w-full">
        {/* A long record id in a title wraps instead of widening the page (390 px). */}
        <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
      </div>
      {actions}
    </div>
  );
}

/** A white panel; with a `title` it is a padded section that starts with its heading. */
export function Card({ title, subtitle, children, className = "" }: { title?: ReactNode; subtitle?: string; children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white shadow-sm ${title ? "p-5" : ""} ${className}`}>
      {title && <h2 className={`font-semibold ${subtitle ? "" : "mb-3"}`}>{title}</h2>}
      {subtitle && <p className="mb-3 text-sm text-slate-600">{subtitle}</p>}
      {children}
    </section>
  );
}

/** The title strip of a card that holds a table or a list, with room for filters or links on the right. */
export function CardHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: string; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
      <div>
        <h2 className="font-semibold">{title}</h2>
        {subtitle && <p className="mt-0.5 text-sm text-slate-600">{subtitle}</p>}
      </div>
      {actions}
    </div>
  );
}

const BANNER_TONES = { danger: "border-rose-300 bg-rose-50 text-rose-900", warning: "border-amber-300 bg-amber-50 text-amber-900" };

/** A page-wide alert with a link to where it can be fixed. */
export function Banner({ tone, testId, link, children }: { tone: keyof typeof BANNER_TONES; testId?: string; link: { href: string; label: string }; children: ReactNode }) {
  return (
    <div role="alert" data-testid={testId} className={`mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border px-4 py-3 text-sm ${BANNER_TONES[tone]}`}>
      <span>{children}</span>
      <Link href={link.href} className="font-medium underline">
        {link.label}
      </Link>
    </div>
  );
}

/** One big figure (a balance) with its label. */
export function StatCard({ label, value, hint, testId, muted = false }: { label: string; value: string; hint?: string; testId?: string; muted?: boolean }) {
  return (
    <Card className="p-5">
      <h2 className="text-sm font-medium text-slate-500">{label}</h2>
      <p className={`tabular mt-2 text-3xl font-semibold ${muted ? "text-slate-700" : ""}`} data-testid={testId}>
        {value}
      </p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </Card>
  );
}

export function EmptyState({ title, body }: { title: string; body?: string }) {
  return (
    <div className="flex flex-col items-center gap-1 px-6 py-12 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {body && <p className="text-sm text-slate-500">{body}</p>}
    </div>
  );
}

const BADGE_TONES = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  amber: "bg-amber-50 text-amber-700 ring-amber-600/20",
  red: "bg-rose-50 text-rose-700 ring-rose-600/20",
  grey: "bg-slate-100 text-slate-600 ring-slate-500/20",
  blue: "bg-brand-50 text-brand-700 ring-brand-600/20",
};

export type Tone = keyof typeof BADGE_TONES;

export type Detail = { label: string; value: ReactNode; testId?: string; className?: string };

/** Label / value pairs side by side (a record's details). */
export function DetailList({ items, className = "gap-y-1" }: { items: (Detail | false | null | undefined | "")[]; className?: string }) {
  return (
    <dl className={`grid grid-cols-[auto_1fr] gap-x-4 ${className}`}>
      {items.map(
        (item) =>
          item && (
            <Fragment key={item.label}>
              <dt className="text-slate-500">{item.label}</dt>
              <dd className={item.className} data-testid={item.testId}>
                {item.value}
              </dd>
            </Fragment>
          ),
      )}
    </dl>
  );
}

export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE_TONES[tone]}`}>{children}</span>;
}

/** Previous / next links that keep the other query parameters. */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  const t = useTranslations("common");
  const labels = { previous: t("previous"), next: t("next"), pageOf: t("pageOf", { page, total: totalPages }) };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  const disabled = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label="pagination" className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3">
      <span className="text-sm text-slate-600">{labels.pageOf}</span>
      <div className="flex gap-2">
        {page > 1 ? <Link className={link} href={hrefFor(page - 1)} rel="prev">{labels.previous}</Link> : <span aria-disabled className={disabled}>{labels.previous}</span>}
        {page < totalPages ? <Link className={link} href={hrefFor(page + 1)} rel="next">{labels.next}</Link> : <span aria-disabled className={disabled}>{labels.next}</span>}
      </div>
    </nav>
  );
}

export function ComingSoon({ title, heading, body }: { title: string; heading: string; body: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <EmptyState title={heading} body={body} />
      </Card>
    </>
  );
}

/** `href` (a path with its current query) with `param` set to `page`: how every list pages through the URL. */
export function pageHref(href: string, page: number, param = "page"): string {
  const [path, query = ""] = href.split("?");
  const params = new URLSearchParams(query);
  if (page > 1) params.set(param, String(page));
  else params.delete(param);
  const text = params.toString();
  return text ? `${path}?${text}` : path!;
}

/** A list URL from its query values, leaving out the empty ones. */
export function listHref(path: string, values: Record<string, string | number | null | undefined>): string {
  const entries = Object.entries(values).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== null && entry[1] !== "");
  const text = new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString();
  return text ? `${path}?${text}` : path;
}

/** A text search parameter, trimmed and cut to `max` characters ("" when absent). */
export function textParam(value: string | string[] | undefined, max = 64): string {
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}

/** A `YYYY-MM` month parameter, or the current month in WIB. */
export function monthParam(value: string | string[] | undefined): string {
  return typeof value === "string" && /^\d{4}-\d{2}$/.test(value) && isWibDate(`${value}-01`) ? value : wibDay().slice(0, 7);
}

/** Parses `?page=` from a URL: a positive integer or 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
}
