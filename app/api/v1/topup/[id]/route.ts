import { getDepositForMerchant } from "@/server/deposits/find-deposits";
import { depositId } from "@/server/deposits/schemas";
import { topupView } from "@/server/deposits/views";
import { apiRoute, parseWith } from "@/server/http/rest";

export const GET = apiRoute(async ({ caller, params }) => {
  const deposit = await getDepositForMerchant(caller.merchantId, parseWith(depositId, params.id));
  return { body: { success: true, ...topupView(deposit) } };
});
