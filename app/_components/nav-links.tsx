"use client";
import { ArrowDownToLine, ArrowUpFromLine, Code2, FileText, LayoutDashboard, Landmark, Link2, Mail, Menu, ScrollText, Settings, ShieldCheck, ShoppingBag, UserRound, Users, Wallet, X, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import type { NavItem, NavKey } from "./nav-items";

export type { NavItem, NavKey } from "./nav-items";

const ICONS: Record<NavKey, LucideIcon> = { wallet: Wallet, topup: ArrowDownToLine, invoices: FileText, paymentLinks: Link2, withdrawals: ArrowUpFromLine, products: ShoppingBag, developers: Code2, settings: Settings, merchants: Users, bankMutations: Landmark, withdrawalQueue: ArrowUpFromLine, audit: ScrollText, mailLog: Mail, overview: LayoutDashboard, security: ShieldCheck, team: UserRound, staff: ShieldCheck };

/**
 * Below the md breakpoint the navigation is a menu: a button that opens the links as a panel under
 * the top bar (a disclosure: aria-expanded, Escape closes and returns focus, choosing a link closes).
 */
export function MobileNav({ items, label }: { items: NavItem[]; label: string }) {
  const t = useTranslations("mobileNav");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);

  // A link was followed: the menu closes on the new page.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a")?.focus();
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-700 focus:outline-none focus:ring-2 focus:ring-brand-500"
      >
        {open ? <X aria-hidden className="h-4 w-4" /> : <Menu aria-hidden className="h-4 w-4" />}
        {open ? t("close") : t("open")}
      </button>
      <nav ref={panel} id={panelId} aria-label={label} hidden={!open} className="absolute inset-x-0 top-full z-40 border-b border-slate-200 bg-white p-3 shadow-lg">
        <NavLinks items={items} layout="sidebar" onNavigate={() => setOpen(false)} />
      </nav>
    </div>
  );
}

export function NavLinks({ items, layout, onNavigate }: { items: NavItem[]; layout: "sidebar" | "bar"; onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <ul className={layout === "sidebar" ? "flex flex-col gap-0.5" : "flex gap-1 overflow-x-auto"}>
      {items.map(({ key, href }) => {
        const Icon = ICONS[key];
        const active = pathname === href || (href !== "/admin" && pathname.startsWith(`${href}/`));
        return (
          <li key={key}>
            <Link
              href={href}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              className={`flex items-center gap-2 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${
                active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              }`}
            >
              <Icon aria-hidden className="h-4 w-4" />
              {t(key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
