// The navigation's entries, in a plain module (not "use client") so that server layouts can
// filter them by role before handing them to the client links.
export type NavKey =
  | "wallet"
  | "topup"
  | "invoices"
  | "paymentLinks"
  | "withdrawals"
  | "products"
  | "developers"
  | "settings"
  | "merchants"
  | "bankMutations"
  | "withdrawalQueue"
  | "audit"
  | "overview"
  | "team"
  | "staff"
  | "mailLog"
  | "security";
export type NavItem = { key: NavKey; href: string };

export const MERCHANT_NAV: NavItem[] = [
  { key: "wallet", href: "/dashboard" },
  { key: "topup", href: "/topup" },
  { key: "invoices", href: "/invoices" },
  { key: "paymentLinks", href: "/payment-links" },
  { key: "withdrawals", href: "/withdrawals" },
  { key: "products", href: "/products" },
  { key: "developers", href: "/developers" },
  { key: "team", href: "/team" },
  { key: "settings", href: "/settings" },
  { key: "security", href: "/security" },
];
export const ADMIN_NAV: NavItem[] = [
  { key: "overview", href: "/admin" },
  { key: "merchants", href: "/admin/merchants" },
  { key: "withdrawalQueue", href: "/admin/withdrawals" },
  { key: "bankMutations", href: "/admin/bank-mutations" },
  { key: "products", href: "/admin/products" },
  { key: "audit", href: "/admin/audit" },
  { key: "mailLog", href: "/admin/mail" },
  { key: "security", href: "/security" },
  { key: "staff", href: "/admin/staff" },
];
