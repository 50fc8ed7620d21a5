import Link from "next/link";
import type { ReactNode } from "react";

// Small pieces that recur inside table cells across pages.

/** A main line with a small second line under it (a time and its record id, a name and its code). */
export function TwoLines({ children, sub, mono = false }: { children: ReactNode; sub?: ReactNode; mono?: boolean }) {
  return (
    <>
      {children}
      {sub && <span className={`block text-slate-500 ${mono ? "font-mono text-[11px]" : "text-xs"}`}>{sub}</span>}
    </>
  );
}

/** Where a payout goes: "DANA · 0812…" and, when given, the account holder under it. */
export function Destination({ method, accountNumber, accountName }: { method: string; accountNumber: string; accountName?: string }) {
  return (
    <TwoLines sub={accountName}>
      {method} · <span className="font-mono text-xs">{accountNumber}</span>
    </TwoLines>
  );
}

/** A merchant's name linking to its admin page. */
export function MerchantLink({ id, name, className = "" }: { id: string; name: string; className?: string }) {
  return (
    <Link href={`/admin/merchants/${id}`} className={`text-brand-700 hover:underline ${className}`}>
      {name}
    </Link>
  );
}
