import { createDeposit } from "@/server/deposits/create-deposit";
import { gatewayInput } from "@/server/deposits/schemas";
import { topupView } from "@/server/deposits/views";
import { apiRoute, parseWith } from "@/server/http/rest";

/** VA or QRIS top-up through the payment gateway. */
const handler = apiRoute(async ({ caller, input, idempotencyKey }) => {
  const { amount, method } = parseWith(gatewayInput, input);
  const deposit = await createDeposit({ merchantId: caller.merchantId, method, amount, actor: caller.actor, idempotencyKey });
  return { body: { success: true, ...topupView(deposit) } };
});
export { handler as GET, handler as POST };
