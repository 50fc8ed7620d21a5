// Small presentational pieces shared by pages: headers, cards, empty states, pagination, badges.
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
      </div>
      {actions}
    </div>
  );
}

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <section className={`rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}>{children}</section>;
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

export function Badge({ tone, children }: { tone: keyof typeof BADGE_TONES; children: ReactNode }) {
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

/** Parses `?page=` from a URL: a positive integer or 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
}
