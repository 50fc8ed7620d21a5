"use client";
import { ArrowDownToLine, ArrowUpFromLine, Code2, FileText, Landmark, ScrollText, Settings, ShoppingBag, Users, Wallet } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const ICONS = { wallet: Wallet, topup: ArrowDownToLine, invoices: FileText, withdrawals: ArrowUpFromLine, products: ShoppingBag, developers: Code2, settings: Settings, merchants: Users, bankMutations: Landmark, withdrawalQueue: ArrowUpFromLine, audit: ScrollText };
export type NavKey = keyof typeof ICONS;
export type NavItem = { key: NavKey; href: string };

export const MERCHANT_NAV: NavItem[] = [
  { key: "wallet", href: "/dashboard" },
  { key: "topup", href: "/topup" },
  { key: "invoices", href: "/invoices" },
  { key: "withdrawals", href: "/withdrawals" },
  { key: "products", href: "/products" },
  { key: "developers", href: "/developers" },
  { key: "settings", href: "/settings" },
];
export const ADMIN_NAV: NavItem[] = [
  { key: "merchants", href: "/admin" },
  { key: "withdrawalQueue", href: "/admin/withdrawals" },
  { key: "bankMutations", href: "/admin/bank-mutations" },
  { key: "products", href: "/admin/products" },
  { key: "audit", href: "/admin/audit" },
];

export function NavLinks({ items, layout }: { items: NavItem[]; layout: "sidebar" | "bar" }) {
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
