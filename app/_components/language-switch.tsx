"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/config";
import { useAction } from "../_lib/use-action";
import { useTRPC } from "../_trpc/client";

const NAMES: Record<Locale, string> = { id: "Indonesia", en: "English" };

/** Switches the UI language; the cookie keeps it on this device, the profile across devices. */
export function LanguageSwitch({ signedIn = false }: { signedIn?: boolean }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const trpc = useTRPC();
  const saveLocale = useMutation(trpc.auth.setLocale.mutationOptions());
  const { run, pending } = useAction();
  const id = useId();

  function change(next: Locale) {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    // The cookie already switches this device; the profile only follows, so a failure to save it
    // must not stop the page from re-rendering in the new language.
    void run(async () => {
      if (signedIn) await saveLocale.mutateAsync(next).catch(() => undefined);
    });
  }

  return (
    <div className="flex items-center gap-2 text-sm text-slate-600">
      <label htmlFor={id} className="sr-only sm:not-sr-only">
        {t("language")}
      </label>
      <select
        id={id}
        value={locale}
        disabled={pending}
        onChange={(e) => change(e.target.value as Locale)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 focus:outline-none focus:ring-2 focus:ring-brand-500"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
