import { getTranslations } from "next-intl/server";
import { monthPeriod } from "@/server/treasury/statements";
import { StatementView } from "../../_components/statement-view";
import { monthParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("statement");

export default async function StatementsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const month = monthParam((await searchParams).month);
  const period = monthPeriod(month);
  const [t, trpc] = await Promise.all([getTranslations("statement"), serverTrpc()]);
  const statement = await trpc.treasury.statement(period);
  return <StatementView title={t("title")} action="/statements" month={month} statement={statement} csvHref={`/api/wallet/statement?from=${period.from}&to=${period.to}`} />;
}
