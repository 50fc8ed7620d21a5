// Messages are split by area (one file per area and language) so that features can add their
// strings without touching each other's files; each file's top-level keys are namespaces.
import type { Locale } from "./config";

const AREAS = ["core", "deposits", "developers", "admin-deposits", "withdrawals", "admin-tools", "webhooks", "prepaid", "treasury", "docs", "insights", "receipts", "desk", "accounts", "two-factor", "teams", "notify", "payment-links", "batch-payouts"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(AREAS.map(async (area) => (await import(`../../messages/${locale}/${area}.json`)).default as Record<string, unknown>));
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [namespace, value] of Object.entries(part)) {
      if (namespace in merged) throw new Error(`Message namespace "${namespace}" is defined twice`);
      merged[namespace] = value;
    }
  }
  return merged;
}
