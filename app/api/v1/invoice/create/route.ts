import { createDeposit } from "@/server/deposits/create-deposit";
import { invoiceCreateInput } from "@/server/deposits/schemas";
import { invoiceView } from "@/server/deposits/views";
import { apiRoute, parseWith } from "@/server/http/rest";

/** Seed 003 "Membuat Invoice Deposit": a QRIS invoice. */
const handler = apiRoute(async ({ caller, input, idempotencyKey }) => {
  const { amount } = parseWith(invoiceCreateInput, input);
  const deposit = await createDeposit({ merchantId: caller.merchantId, method: "QRIS", channel: "invoice", amount, actor: caller.actor, idempotencyKey });
  const { status: _status, paid_at: _paidAt, created_at: _createdAt, ...view } = invoiceView(deposit);
  return { body: { success: true, ...view } };
});
export { handler as GET, handler as POST };
