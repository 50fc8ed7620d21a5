"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { trpcErrorText } from "./error-message";

type Fallback = { generic: string; validation: string };

/** Thrown by an action's work when the server said no in words meant for the user (e.g. a prepaid refusal). */
export class ActionRefused extends Error {}

/**
 * What every button or form that calls a tRPC mutation needs: `run(work)` clears the last
 * message, marks the action pending, shows a failure as text for the current language
 * (trpcErrorText), keeps a success notice, and refreshes the server-rendered page on success so
 * balances and lists catch up. `pending` covers the refresh too.
 */
export function useAction({ refresh = true, fallback }: { refresh?: boolean; fallback?: Fallback } = {}) {
  const t = useTranslations("common.errors");
  const locale = useLocale();
  const router = useRouter();
  const [running, setRunning] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** Runs `work`; true when it succeeded. `done` is the success notice, from the result if need be. */
  async function run<T>(work: () => Promise<T>, after: { onSuccess?: (result: T) => void; done?: string | ((result: T) => string) } = {}): Promise<boolean> {
    setError(null);
    setNotice(null);
    setRunning(true);
    try {
      const result = await work();
      after.onSuccess?.(result);
      if (after.done) setNotice(typeof after.done === "function" ? after.done(result) : after.done);
      if (refresh) startTransition(() => router.refresh());
      return true;
    } catch (e) {
      setError(e instanceof ActionRefused ? e.message : trpcErrorText(e, locale, fallback ?? { generic: t("generic"), validation: t("validation") }));
      return false;
    } finally {
      setRunning(false);
    }
  }

  return { run, pending: running || refreshing, error, setError, notice, setNotice };
}
