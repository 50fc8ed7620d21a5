import { getTranslations } from "next-intl/server";
import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "./brand";
import { LanguageSwitch } from "./language-switch";
import { MobileNav, NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/** Sidebar + top bar around every signed-in page (merchant and admin alike). */
export async function AppShell({
  nav,
  userName,
  badge,
  topRight,
  children,
}: {
  nav: NavItem[];
  userName: string;
  badge?: string;
  topRight?: ReactNode;
  children: ReactNode;
}) {
  const t = await getTranslations();
  return (
    <div className="min-h-screen md:flex">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        {t("common.skipToContent")}
      </a>
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:flex md:flex-col">
        <div className="flex h-14 items-center gap-2 border-b border-slate-200 px-5">
          <Logo className="h-7 w-auto" />
          {badge && <span className="rounded bg-slate-900 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-white">{badge}</span>}
        </div>
        <nav aria-label={t("nav.mainNav")} className="flex-1 p-3">
          <NavLinks items={nav} layout="sidebar" />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="relative flex min-h-14 flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-4 py-2 md:px-6">
          <div className="flex items-center gap-3 md:hidden">
            <MobileNav items={nav} label={t("nav.mainNav")} />
            <Logo className="h-6 w-auto" />
          </div>
          <div className="ml-auto flex flex-wrap items-center justify-end gap-x-4 gap-y-1">
            {topRight}
            <span className="hidden text-sm text-slate-600 sm:inline" data-testid="signed-in-user">
              {t("topbar.signedInAs", { name: userName })}
            </span>
            <Link href="/security/two-factor" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900" data-testid="nav-two-factor">
              <ShieldCheck aria-hidden className="h-4 w-4" />
              {t("twoFactorNav.link")}
            </Link>
            <LanguageSwitch signedIn />
            <SignOutButton />
          </div>
        </header>
        <main id="content" className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
