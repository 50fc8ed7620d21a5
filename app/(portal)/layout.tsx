import { Bell } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatRupiah } from "@/lib/format";
import { AppShell } from "../_components/app-shell";
import { MERCHANT_NAV } from "../_components/nav-items";
import { requireMerchant } from "../_lib/session";
import { serverTrpc } from "../_trpc/server";
import { VerifyEmailBanner } from "./verify-email-banner";
import { MerchantSwitcher } from "./merchant-switcher";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireMerchant();
  const [t, trpc] = await Promise.all([getTranslations("topbar"), serverTrpc()]);
  const [{ available }, unread, tn, account, tt] = await Promise.all([trpc.wallet.summary(), trpc.treasury.unread(), getTranslations("notifications"), trpc.account.status(), getTranslations("team")]);
  return (
    <AppShell
      // Pages a role cannot use are not offered (the pages also refuse on their own).
      nav={MERCHANT_NAV.filter((item) => item.key !== "developers" || user.can("developer"))}
      userName={user.name}
      topRight={
        <>
        <MerchantSwitcher
          current={user.merchantId}
          merchants={user.merchants.map((m) => ({ merchantId: m.merchantId, businessName: m.businessName }))}
          roleLabel={tt(`roles.${user.memberRole}`)}
        />
        <Link href="/notifications" aria-label={tn("bell", { count: unread })} className="relative rounded-md p-1 text-slate-600 hover:bg-slate-100" data-testid="notification-bell">
          <Bell aria-hidden className="h-5 w-5" />
          {unread > 0 && <span className="absolute -right-1 -top-1 rounded-full bg-rose-600 px-1.5 text-[10px] font-semibold text-white">{unread}</span>}
        </Link>
        <span className="whitespace-nowrap text-sm">
          <span className="text-slate-500">{t("balance")}: </span>
          <span className="tabular font-semibold" data-testid="topbar-balance">
            {formatRupiah(available)}
          </span>
        </span>
        </>
      }
    >
      {!account.emailVerified && <VerifyEmailBanner email={user.email} />}
      {children}
    </AppShell>
  );
}
