// "Resend" in the delivery log.
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { attemptDelivery, saveAttempt } from "./deliver";
import { requireWebhookEndpoint } from "./find-webhook-endpoint";

/** Delivers one event again, now, whatever its state; the attempt joins the log. */
export async function resendEvent(merchantId: string, eventId: string, actor: Actor) {
  const event = await db.outboxEvent.findFirst({ where: { id: eventId, merchantId } });
  if (!event) throw new AppError("NOT_FOUND", "Event tidak ditemukan / Event not found");
  const endpoint = await requireWebhookEndpoint(merchantId);
  const result = await attemptDelivery(event, endpoint, { manual: true, attempt: event.attempts + 1 });
  await transaction(async (tx) => {
    await saveAttempt(tx, result);
    await tx.outboxEvent.update({
      where: { id: event.id },
      data: { attempts: { increment: 1 }, ...(result.ok ? { status: "delivered", deliveredAt: new Date(), lastError: null } : { lastError: result.error ?? `HTTP ${result.statusCode}` }) },
    });
    await recordAudit(tx, { actor, action: "webhook.resend", targetType: "event", targetId: event.id, merchantId });
  });
  const { record: _record, ...answer } = result;
  return answer;
}
