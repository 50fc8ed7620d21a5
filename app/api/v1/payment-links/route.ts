import { apiRoute, parseWith } from "@/server/http/rest";
import { createPaymentLink } from "@/server/payment-links/create-payment-link";
import { paymentLinkCreateInput } from "@/server/payment-links/schemas";
import { NO_TOTALS, paymentLinkRestView } from "@/server/payment-links/views";

/** Issue 15: a payment link the merchant sends to its payers. */
export const POST = apiRoute(async ({ caller, input, idempotencyKey }) => {
  const body = parseWith(paymentLinkCreateInput, input);
  const link = await createPaymentLink({
    merchantId: caller.merchantId,
    amount: body.amount,
    minAmount: body.min_amount,
    maxAmount: body.max_amount,
    description: body.description,
    expiresAt: body.expires_at ? new Date(body.expires_at) : null,
    singleUse: body.single_use,
    actor: caller.actor,
    idempotencyKey,
  });
  // A new link has no payments yet; a repeat (same Idempotency-Key) answers the same link.
  return { body: { success: true, ...paymentLinkRestView(link, NO_TOTALS) } };
});
