import type { ReactNode } from "react";
import { AppShell } from "../_components/app-shell";
import { ADMIN_NAV } from "../_components/nav-items";
import { requireAdmin } from "../_lib/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return (
    <AppShell nav={ADMIN_NAV.filter((item) => item.key !== "staff" || user.staffCan("staff_manage"))} userName={user.name} badge={user.staffRole}>
      {children}
    </AppShell>
  );
}
