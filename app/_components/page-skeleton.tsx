import { useTranslations } from "next-intl";
import { DataTable } from "./data-table";

const SKELETON_COLUMNS = ["a", "b", "c", "d"].map((id) => ({ id, header: "", cell: () => null }));

/** The loading state of a dashboard page: its header, two cards and a table of skeleton rows. */
export function PageSkeleton() {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="h-28 animate-pulse rounded-lg bg-slate-200" />
        <div className="h-28 animate-pulse rounded-lg bg-slate-200" />
      </div>
      <DataTable caption={t("loading")} columns={SKELETON_COLUMNS} items={[]} empty={{ title: t("loading") }} loading skeletonRows={6} />
    </div>
  );
}
