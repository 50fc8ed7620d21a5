// Turns a tRPC failure into text for the user. Use-case errors carry a bilingual safe message
// ("Indonesia / English"); we show the half for the current language. Zod failures and
// anything unexpected get the translated fallback, never raw details.
export function trpcErrorText(error: unknown, locale: string, fallback: { generic: string; validation: string }): string {
  const e = error as { message?: unknown; data?: { zodError?: unknown; appCode?: string | null } } | null;
  if (e?.data?.zodError) return fallback.validation;
  const message = typeof e?.message === "string" ? e.message.trim() : "";
  if (!message || message.length > 300) return fallback.generic;
  const parts = message.split(" / ");
  if (parts.length !== 2) return e?.data?.appCode ? message : fallback.generic;
  return (locale === "en" ? parts[1] : parts[0])!.trim() || message;
}
