import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "../../_components/ui";
import { titleFrom, type SearchParams } from "../../_lib/metadata";
import { requireUser } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { TwoFactorPanel } from "./two-factor-panel";

export const generateMetadata = titleFrom("twoFactor");

/** Only a path inside this site: never another origin. */
function safeNext(value: string | string[] | undefined): string {
  const text = typeof value === "string" ? value : "";
  return /^\/(?![/\\])[\w\-/?=&.]*$/.test(text) && text.length <= 200 ? text : "/";
}

// Both roles reach this page (an admin without two-factor is sent here by the admin layout): it
// lives under /security, whose layout draws the shell with the caller's navigation.
export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser();
  const params = await searchParams;
  const [t, trpc] = await Promise.all([getTranslations("twoFactor"), serverTrpc()]);
  const overview = await trpc.twoFactor.overview();
  const next = safeNext(params.next);
  const banner = !overview.enrolled && (params.reason === "withdraw" ? t("withdrawBanner") : overview.required || params.required ? t("requiredBanner") : null);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {banner && (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="two-factor-banner">
          {banner}
        </p>
      )}
      <Card>
        <TwoFactorPanel
          enrolled={overview.enrolled}
          enabledAt={overview.enabledAt?.toISOString() ?? null}
          recoveryCodesLeft={overview.recoveryCodesLeft}
          required={overview.required}
          next={next}
        />
      </Card>
    </>
  );
}
