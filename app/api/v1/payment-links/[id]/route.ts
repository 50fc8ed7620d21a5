import { apiRoute, parseWith } from "@/server/http/rest";
import { getPaymentLinkWithPayments } from "@/server/payment-links/find-payment-links";
import { paymentLinkId } from "@/server/payment-links/schemas";
import { paymentLinkRestView } from "@/server/payment-links/views";

/** The link with its totals and its payments (newest first, the latest 100). Another merchant's link is 404. */
export const GET = apiRoute(async ({ caller, params }) => {
  const { link, totals, payments } = await getPaymentLinkWithPayments(caller.merchantId, parseWith(paymentLinkId, params.id));
  return { body: { success: true, ...paymentLinkRestView(link, totals, payments) } };
});
