import { getTranslations } from "next-intl/server";
import { formatRupiah } from "@/lib/format";
import { env } from "@/server/env";
import { Card, PageHeader } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { RoleNotice } from "../../_components/role-notice";
import { serverTrpc } from "../../_trpc/server";
import { MandateCard } from "./mandate-card";
import { NotificationMatrix } from "./notification-matrix";
import { SweepCard } from "./sweep-card";
import { TeamTwoFactorForm } from "./team-two-factor-form";
import { ThresholdForm } from "./threshold-form";
import { titleFrom } from "../../_lib/metadata";

export const generateMetadata = titleFrom("treasury");

export default async function SettingsPage() {
  const me = await requireMerchant();
  const manage = me.can("manage");
  const [t, t2, tn, trpc] = await Promise.all([getTranslations("treasury"), getTranslations("twoFactorTeam"), getTranslations("notificationSettings"), serverTrpc()]);
  // Who receives which mail is the owner's to set (a role without "manage" never calls it).
  const [overview, twoFactor, notificationPrefs] = await Promise.all([trpc.treasury.overview(), trpc.twoFactor.overview(), manage ? trpc.notificationPreferences.get() : null]);
  const mandates = overview.mandates.map((m) => ({ ...m, targetBalance: m.targetBalance.toString(), monthlyCap: m.monthlyCap.toString() }));
  const rules = overview.rules.map((r) => ({
    ...r,
    minimumBalance: r.minimumBalance?.toString() ?? null,
    runs: r.runs.map((run) => ({ id: run.id, period: run.period, amount: run.amount.toString(), status: run.status })),
  }));
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {!manage && <RoleNotice className="mb-4" />}
      <div className="grid gap-6">
        <Card title={t("thresholdTitle")} subtitle={t("thresholdBody")}>
          {manage ? <ThresholdForm threshold={overview.threshold?.toString() ?? null} /> : <p className="text-sm" data-testid="threshold-value">{overview.threshold === null ? "—" : formatRupiah(overview.threshold)}</p>}
        </Card>
        {manage && (
          <Card title={t2("title")} subtitle={t2("body")}>
            <TeamTwoFactorForm required={Boolean(twoFactor.teamRequired)} ownEnrolled={twoFactor.enrolled} />
          </Card>
        )}
        <Card title={t("mandateTitle")} subtitle={t("mandateBody")}>
          {manage && <MandateCard mandates={mandates} />}
        </Card>
        <Card className="p-5">
          <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
            <div>
              <h2 className="font-semibold">{t("sweepTitle")}</h2>
              <p className="text-sm text-slate-600">{t("sweepBody")}</p>
            </div>
            <p className="text-sm">
              {t("settlementBalance")}: <span className="tabular font-semibold" data-testid="settlement-balance">{formatRupiah(overview.settlementBalance)}</span>
            </p>
          </div>
          {manage && <SweepCard rules={rules} sandbox={env.SANDBOX} />}
        </Card>
        {notificationPrefs && (
          <Card title={tn("title")} subtitle={tn("body")}>
            <NotificationMatrix initial={notificationPrefs} />
          </Card>
        )}
      </div>
    </>
  );
}
