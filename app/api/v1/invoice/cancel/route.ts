import { cancelDeposit } from "@/server/deposits/cancel-deposit";
import { invoiceIdInput } from "@/server/deposits/schemas";
import { apiRoute, parseWith } from "@/server/http/rest";

/** Seed 003 "Batalkan Invoice": pending → expired; a paid invoice answers 400 with its status. */
export const POST = apiRoute(async ({ caller, input }) => {
  const { invoice_id } = parseWith(invoiceIdInput, input);
  const invoice = await cancelDeposit(caller.merchantId, invoice_id, caller.actor);
  return { body: { success: true, invoice_id: invoice.id, status: invoice.status, message: "Invoice berhasil dibatalkan" } };
});
