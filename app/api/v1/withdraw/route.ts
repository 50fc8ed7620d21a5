import { apiRoute, parseWith } from "@/server/http/rest";
import { requestWithdrawal } from "@/server/withdrawals/request-withdrawal";
import { withdrawRequestInput } from "@/server/withdrawals/schemas";
import { publicStatus } from "@/server/withdrawals/views";

/** Seed 003 "Buat Permintaan Withdraw": reserves amount + fee at once; `dana` unless `method` says otherwise. */
export const POST = apiRoute(async ({ caller, input, idempotencyKey }) => {
  const request = parseWith(withdrawRequestInput, input);
  // With an Idempotency-Key a repeat answers the withdrawal it made, in this same shape (status and new_balance as they are now).
  const { withdrawal, newBalance } = await requestWithdrawal({ merchantId: caller.merchantId, ...request, actor: caller.actor, idempotencyKey });
  return {
    body: {
      success: true,
      message: "Permintaan penarikan berhasil diajukan",
      withdraw_id: withdrawal.id,
      amount: Number(withdrawal.amount),
      fee: Number(withdrawal.fee),
      total_deduct: Number(withdrawal.totalDeduct),
      new_balance: Number(newBalance),
      status: publicStatus(withdrawal.status),
      created_at: withdrawal.createdAt.toISOString(),
    },
  };
});
