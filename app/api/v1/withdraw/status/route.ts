import { apiRoute, parseWith } from "@/server/http/rest";
import { getWithdrawalForMerchant } from "@/server/withdrawals/find-withdrawals";
import { withdrawIdInput } from "@/server/withdrawals/schemas";
import { withdrawView } from "@/server/withdrawals/views";

/** Seed 003 "Cek Status Withdraw": another merchant's id is 404. */
export const GET = apiRoute(async ({ caller, input }) => {
  const { withdraw_id } = parseWith(withdrawIdInput, input);
  return { body: { success: true, ...withdrawView(await getWithdrawalForMerchant(caller.merchantId, withdraw_id)) } };
});
