import { apiRoute, parseWith } from "@/server/http/rest";
import { listWithdrawals } from "@/server/withdrawals/find-withdrawals";
import { withdrawHistoryInput } from "@/server/withdrawals/schemas";
import { withdrawView } from "@/server/withdrawals/views";

/** Seed 003 "Riwayat Withdraw": page ≥ 1, limit 1–100 (else 400); past the end → empty data. */
export const GET = apiRoute(async ({ caller, input }) => {
  const query = parseWith(withdrawHistoryInput, input);
  const result = await listWithdrawals(caller.merchantId, query);
  return {
    body: {
      success: true,
      data: result.items.map(withdrawView),
      pagination: { page: result.page, limit: result.limit, total: result.total, total_pages: result.totalPages },
    },
  };
});
