import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatRupiah } from "@/lib/format";
import { AppShell } from "../_components/app-shell";
import { MERCHANT_NAV } from "../_components/nav-links";
import { requireMerchant } from "../_lib/session";
import { serverTrpc } from "../_trpc/server";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireMerchant();
  const [t, trpc] = await Promise.all([getTranslations("topbar"), serverTrpc()]);
  const { available } = await trpc.wallet.summary();
  return (
    <AppShell
      nav={MERCHANT_NAV}
      userName={user.name}
      topRight={
        <span className="whitespace-nowrap text-sm">
          <span className="text-slate-500">{t("balance")}: </span>
          <span className="tabular font-semibold" data-testid="topbar-balance">
            {formatRupiah(available)}
          </span>
        </span>
      }
    >
      {children}
    </AppShell>
  );
}
