// The merchant switches a link off: its page stops taking new payments. A payment already started
// stays payable (its payer may be paying right now) and is credited as usual.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { isPaymentLinkIdShape } from "./link-id";
import { linkNotFound } from "./find-payment-links";

export async function deactivatePaymentLink(input: { merchantId: string; id: string; actor: Actor; now?: Date }) {
  if (!isPaymentLinkIdShape(input.id)) throw linkNotFound();
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const link = await tx.paymentLink.findFirst({ where: { id: input.id, merchantId: input.merchantId } });
    if (!link) throw linkNotFound();
    // Guarded: a link completed (paid) meanwhile stays completed.
    const { count } = await tx.paymentLink.updateMany({ where: { id: link.id, status: "active" }, data: { status: "inactive", deactivatedAt: now } });
    if (count === 0) {
      if (link.status === "inactive") return link;
      throw new AppError("INVALID_STATE", `Link tidak bisa dinonaktifkan, status saat ini: ${link.status} / The link cannot be deactivated, its status is ${link.status}`);
    }
    await recordAudit(tx, { actor: input.actor, action: "payment_link.deactivate", targetType: "payment_link", targetId: link.id, merchantId: input.merchantId });
    return tx.paymentLink.findUniqueOrThrow({ where: { id: link.id } });
  });
}
