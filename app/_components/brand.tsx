import type { ReactNode } from "react";
import { LanguageSwitch } from "./language-switch";

/** The Saldo wordmark (public/logo.svg). */
export function Logo({ className = "h-8 w-auto" }: { className?: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- a static SVG needs no image optimisation
  return <img src="/logo.svg" alt="Saldo" width={168} height={40} className={className} />;
}

/** The top strip of the public pages (sign-in, register, pay): the logo and the language switch. */
export function BrandHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="flex items-center justify-between gap-3 px-6 py-4">
      <Logo />
      <div className="flex items-center gap-4">
        {children}
        <LanguageSwitch />
      </div>
    </header>
  );
}
