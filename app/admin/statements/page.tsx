import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { monthPeriod, statementForAdmin } from "@/server/treasury/statements";
import { StatementView } from "../../_components/statement-view";
import { monthParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { type SearchParams } from "../../_lib/metadata";

export default async function AdminStatementPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const params = await searchParams;
  const merchantId = typeof params.merchantId === "string" ? params.merchantId.slice(0, 64) : "";
  const month = monthParam(params.month);
  const period = monthPeriod(month);
  const found = merchantId ? await statementForAdmin(merchantId, period) : null;
  if (!found) notFound();
  const { merchant, statement } = found;
  const t = await getTranslations("statement");
  return (
    <StatementView
      title={`${t("title")} · ${merchant.businessName}`}
      action="/admin/statements"
      month={month}
      hidden={{ merchantId: merchant.id }}
      statement={statement}
      csvHref={`/api/wallet/statement?merchantId=${merchant.id}&from=${period.from}&to=${period.to}`}
    />
  );
}
