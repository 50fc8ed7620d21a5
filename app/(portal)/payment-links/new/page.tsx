import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, PageHeader } from "../../../_components/ui";
import { requireMerchant } from "../../../_lib/session";
import { titleFrom } from "../../../_lib/metadata";
import { CreateLinkForm } from "./create-link-form";

export const generateMetadata = titleFrom("paymentLinks", "createTitle");

export default async function NewPaymentLinkPage() {
  await requireMerchant();
  const t = await getTranslations("paymentLinks");
  return (
    <>
      <PageHeader
        title={t("createTitle")}
        subtitle={t("createSubtitle")}
        actions={
          <Link href="/payment-links" className="text-sm font-medium text-brand-700 hover:underline">
            {t("back")}
          </Link>
        }
      />
      <Card className="max-w-xl p-5">
        <CreateLinkForm />
      </Card>
    </>
  );
}
