import { getDepositForMerchant } from "@/server/deposits/find-deposits";
import { invoiceIdInput } from "@/server/deposits/schemas";
import { invoiceView } from "@/server/deposits/views";
import { apiRoute, parseWith } from "@/server/http/rest";

export const GET = apiRoute(async ({ caller, input }) => {
  const { invoice_id } = parseWith(invoiceIdInput, input);
  return { body: { success: true, ...invoiceView(await getDepositForMerchant(caller.merchantId, invoice_id)) } };
});
