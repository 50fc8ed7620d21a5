"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A side drawer over the page for one withdrawal. Its content is rendered on the server; this
 * wrapper makes it a modal dialog: focus moves into it, Escape or the backdrop closes it.
 */
export function DetailDrawer({ title, closeHref, closeLabel, children }: { title: string; closeHref: string; closeLabel: string; children: ReactNode }) {
  const router = useRouter();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") router.push(closeHref, { scroll: false });
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      previous?.focus?.();
    };
  }, [closeHref, router]);

  return (
    <div className="fixed inset-0 z-40">
      <Link href={closeHref} scroll={false} aria-hidden tabIndex={-1} className="absolute inset-0 bg-slate-900/30" />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="withdrawal-detail-title"
        tabIndex={-1}
        data-testid="withdrawal-detail"
        className="absolute inset-y-0 right-0 flex w-full max-w-md flex-col overflow-y-auto border-l border-slate-200 bg-white shadow-xl focus:outline-none"
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-5 py-4">
          <h2 id="withdrawal-detail-title" className="font-semibold">
            {title}
          </h2>
          <Link href={closeHref} scroll={false} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
            {closeLabel}
          </Link>
        </div>
        {children}
      </div>
    </div>
  );
}
