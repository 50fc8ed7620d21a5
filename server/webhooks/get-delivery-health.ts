// The callback health shown on the wallet page: failed deliveries in 30 days, and whether the
// endpoint was disabled (410 Gone).
import { db } from "../db";

export async function deliveryHealth(merchantId: string) {
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const [failed, endpoint] = await Promise.all([
    db.outboxEvent.count({ where: { merchantId, status: "failed", test: false, createdAt: { gte: since } } }),
    db.webhookEndpoint.findUnique({ where: { merchantId }, select: { status: true, disabledReason: true } }),
  ]);
  return { failed, endpointDisabled: endpoint?.status === "disabled", disabledReason: endpoint?.disabledReason ?? null };
}
