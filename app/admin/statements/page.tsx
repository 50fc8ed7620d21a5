import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { wibDay } from "@/lib/format";
import { monthPeriod, statementForAdmin } from "@/server/treasury/statements";
import { StatementView } from "../../_components/statement-view";
import { PageHeader } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";

export default async function AdminStatementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = await searchParams;
  const merchantId = typeof params.merchantId === "string" ? params.merchantId.slice(0, 64) : "";
  const month = typeof params.month === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(params.month) ? params.month : wibDay().slice(0, 7);
  const period = monthPeriod(month);
  const found = merchantId ? await statementForAdmin(merchantId, period) : null;
  if (!found) notFound();
  const { merchant, statement } = found;
  const t = await getTranslations("statement");
  return (
    <>
      <PageHeader
        title={`${t("title")} · ${merchant.businessName}`}
        actions={
          <form className="flex items-end gap-2">
            <input type="hidden" name="merchantId" value={merchant.id} />
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              {t("month")}
              <input type="month" name="month" defaultValue={month} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
            </label>
            <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">{t("show")}</button>
          </form>
        }
      />
      <StatementView statement={statement} csvHref={`/api/wallet/statement?merchantId=${merchant.id}&from=${period.from}&to=${period.to}`} />
    </>
  );
}
