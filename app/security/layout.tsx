import type { ReactNode } from "react";
import { AppShell } from "../_components/app-shell";
import { ADMIN_NAV, MERCHANT_NAV } from "../_components/nav-items";
import { requireSignedIn } from "../_lib/session";

// The Security page belongs to every signed-in person: merchants see their navigation, admins theirs.
export default async function SecurityLayout({ children }: { children: ReactNode }) {
  const user = await requireSignedIn();
  const admin = user.role === "ADMIN";
  return (
    <AppShell nav={admin ? ADMIN_NAV : MERCHANT_NAV} userName={user.name} badge={admin ? "admin" : undefined}>
      {children}
    </AppShell>
  );
}
