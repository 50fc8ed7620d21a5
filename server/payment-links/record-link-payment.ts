// What a paid deposit means for its payment link, in the transaction that marked it paid
// (mark-deposit-paid.ts): a single-use link is completed — once, by a guarded update, however many
// payments arrive — and the merchant gets `payment_link.paid` besides the usual `topup.success`.
// A second payment of a single-use link (two VA payments that both arrived, or one reported late)
// is credited all the same: money is never refused here, only the link's state is decided.
import { recordAudit } from "../audit";
import type { Deposit, Tx } from "../db";
import { depositEventData } from "../deposits/views";
import { enqueueEvent } from "../webhooks/outbox";
import { effectiveLinkStatus } from "./views";

export async function recordLinkPayment(tx: Tx, deposit: Deposit): Promise<void> {
  if (!deposit.paymentLinkId) return;
  const link = await tx.paymentLink.findUnique({ where: { id: deposit.paymentLinkId } });
  if (!link) return;
  let status = effectiveLinkStatus(link);
  if (link.singleUse) {
    const { count } = await tx.paymentLink.updateMany({ where: { id: link.id, status: { not: "completed" } }, data: { status: "completed", completedAt: deposit.paidAt ?? new Date() } });
    status = "completed";
    if (count === 0) {
      // Credited (the caller posted it); recorded so the merchant can refund the payer if it wants.
      await recordAudit(tx, {
        actor: { type: "SYSTEM", id: "payment-link" },
        action: "payment_link.extra_payment",
        targetType: "payment_link",
        targetId: link.id,
        merchantId: link.merchantId,
        metadata: { depositId: deposit.id, amount: deposit.amount },
      });
    }
  }
  await enqueueEvent(tx, {
    merchantId: deposit.merchantId,
    type: "payment_link.paid",
    data: { ...depositEventData(deposit), payment_link_id: link.id, payment_link_status: status, single_use: link.singleUse },
  });
}
