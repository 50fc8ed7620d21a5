import { createDeposit } from "@/server/deposits/create-deposit";
import { ticketInput } from "@/server/deposits/schemas";
import { topupView } from "@/server/deposits/views";
import { apiRoute, parseWith } from "@/server/http/rest";

/** Bank-transfer ticket: transfer exactly `total` (amount + unique code) to the account shown. */
const handler = apiRoute(async ({ caller, input, idempotencyKey }) => {
  const { amount } = parseWith(ticketInput, input);
  const deposit = await createDeposit({ merchantId: caller.merchantId, method: "BANK_TRANSFER", amount, actor: caller.actor, idempotencyKey });
  return { body: { success: true, ...topupView(deposit) } };
});
export { handler as GET, handler as POST };
