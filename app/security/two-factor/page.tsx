import { getTranslations } from "next-intl/server";
import { AppShell } from "../../_components/app-shell";
import { ADMIN_NAV, MERCHANT_NAV } from "../../_components/nav-items";
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

// Both roles reach this page (an admin without two-factor is sent here by the admin layout), so
// it draws its own shell instead of living under the portal's or the admin's layout.
export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const [t, trpc] = await Promise.all([getTranslations("twoFactor"), serverTrpc()]);
  const overview = await trpc.twoFactor.overview();
  const next = safeNext(params.next);
  const banner = !overview.enrolled && (params.reason === "withdraw" ? t("withdrawBanner") : overview.required || params.required ? t("requiredBanner") : null);
  return (
    <AppShell nav={user.role === "ADMIN" ? ADMIN_NAV : MERCHANT_NAV} userName={user.name} badge={user.role === "ADMIN" ? "admin" : undefined}>
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
    </AppShell>
  );
}
