import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { RoleNotice } from "../../_components/role-notice";
import { serverTrpc } from "../../_trpc/server";
import { TopupForm } from "./topup-form";
import { titleFrom } from "../../_lib/metadata";

export const generateMetadata = titleFrom("deposits", "topupTitle");

export default async function TopupPage() {
  const me = await requireMerchant();
  const [t, trpc] = await Promise.all([getTranslations("deposits"), serverTrpc()]);
  const methods = (await trpc.deposits.methods()).map((m) => ({
    code: m.code,
    name: m.name,
    flat: m.flat.toString(),
    bps: m.bps.toString(),
    min: m.min.toString(),
    max: m.max.toString(),
  }));
  return (
    <>
      <PageHeader title={t("topupTitle")} subtitle={t("topupSubtitle")} />
      <Card className="max-w-2xl p-5">
        {me.can("pay_in") ? <TopupForm methods={methods} /> : <RoleNotice />}
      </Card>
    </>
  );
}
