import type { ButtonHTMLAttributes } from "react";

// One set of button looks, for <button>s and for links that act as buttons (`buttonClass`).
const VARIANTS = {
  primary: "bg-brand-600 font-semibold text-white shadow-sm hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white font-medium text-slate-700 shadow-sm hover:bg-slate-50",
  danger: "bg-rose-600 font-semibold text-white shadow-sm hover:bg-rose-700",
  dangerOutline: "border border-rose-300 bg-white font-medium text-rose-700 hover:bg-rose-50",
  success: "bg-emerald-600 font-semibold text-white hover:bg-emerald-700",
  warning: "bg-amber-600 font-semibold text-white hover:bg-amber-700",
  sandbox: "border border-dashed border-brand-500 bg-brand-50 font-medium text-brand-700 hover:bg-brand-100",
} as const;
const SIZES = { sm: "px-2 py-1 text-xs", md: "px-3 py-1.5 text-sm", lg: "px-4 py-2 text-sm" } as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export function buttonClass(variant: ButtonVariant = "secondary", size: ButtonSize = "md", extra = ""): string {
  return `inline-flex items-center justify-center gap-1.5 rounded-md focus:outline-none focus:ring-2 focus:ring-brand-500 disabled:opacity-60 ${VARIANTS[variant]} ${SIZES[size]} ${extra}`.trim();
}

/** A button (type "button" unless told otherwise) in one of the shared looks. */
export function Button({ variant, size, className = "", type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
