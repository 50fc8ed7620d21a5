import { getTranslations } from "next-intl/server";
import { ComingSoon } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";

export default async function Page() {
  await requireMerchant();
  const t = await getTranslations();
  return <ComingSoon title={t("nav.invoices")} heading={t("common.comingSoon")} body={t("common.comingSoonBody")} />;
}
