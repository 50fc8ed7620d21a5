import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { devMailboxEnabled } from "@/server/mail/dev-mailbox";
import { BrandHeader } from "../../_components/brand";

// No sign-in: it is the demo's inbox. Production answers 404 (unless a staging sandbox).
export default function DevMailboxLayout({ children }: { children: ReactNode }) {
  if (!devMailboxEnabled()) notFound();
  return (
    <div className="flex min-h-screen flex-col">
      <BrandHeader />
      <main id="content" className="mx-auto w-full max-w-5xl flex-1 p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}
