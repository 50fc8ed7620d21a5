import { getTranslations } from "next-intl/server";
import { wibDay } from "@/lib/format";
import { monthPeriod } from "@/server/treasury/statements";
import { StatementView } from "../../_components/statement-view";
import { PageHeader } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("statement"))("title") };
}

export default async function StatementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireMerchant();
  const raw = (await searchParams).month;
  const month = typeof raw === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : wibDay().slice(0, 7);
  const period = monthPeriod(month);
  const [t, trpc] = await Promise.all([getTranslations("statement"), serverTrpc()]);
  const statement = await trpc.treasury.statement(period);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <form className="flex items-end gap-2">
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              {t("month")}
              <input type="month" name="month" defaultValue={month} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
            </label>
            <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">{t("show")}</button>
          </form>
        }
      />
      <StatementView statement={statement} csvHref={`/api/wallet/statement?from=${period.from}&to=${period.to}`} />
    </>
  );
}
