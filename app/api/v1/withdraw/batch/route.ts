import { isAppError } from "@/server/errors";
import { apiRoute, parseWith } from "@/server/http/rest";
import { batchRequestInput } from "@/server/withdrawals/batch-schemas";
import { getPayoutBatch } from "@/server/withdrawals/get-payout-batch";
import { payoutBatchView } from "@/server/withdrawals/payout-batch-view";
import { submitPayoutBatch } from "@/server/withdrawals/submit-payout-batch";

/** Issue 15: up to 10,000 rows validated, then all reserved in one go (or none, with the shortfall). */
export const POST = apiRoute(
  async ({ caller, input, idempotencyKey }) => {
    const request = parseWith(batchRequestInput, input);
    try {
      const { batch, newBalance } = await submitPayoutBatch({
        merchantId: caller.merchantId,
        rows: request.rows,
        confirmDuplicates: request.confirmDuplicates,
        fileName: request.fileName,
        actor: caller.actor,
        idempotencyKey,
      });
      const { progress } = await getPayoutBatch({ batchId: batch.id, merchantId: caller.merchantId, pageSize: 1 });
      return { body: { success: true, message: "Batch penarikan berhasil diajukan", ...payoutBatchView(batch, progress), new_balance: Number(newBalance) } };
    } catch (error) {
      // Per-row problems and the shortfall go back with the envelope, so a client can fix its file.
      if (isAppError(error) && error.code === "VALIDATION" && Array.isArray(error.details?.rows)) {
        const rows = error.details.rows as { row: number; errors: string[]; duplicateOfRow: number | null; duplicateRecentId: string | null }[];
        return {
          status: 400,
          body: {
            success: false,
            error: error.message,
            code: "VALIDATION",
            rows: rows.map((r) => ({ row: r.row, errors: r.errors, duplicate_of_row: r.duplicateOfRow, duplicate_recent_withdraw_id: r.duplicateRecentId })),
          },
        };
      }
      if (isAppError(error) && error.code === "INSUFFICIENT_FUNDS" && error.details?.shortfall) {
        const d = error.details as { required: string; available: string; shortfall: string };
        return { status: 400, body: { success: false, error: error.message, code: "INSUFFICIENT_FUNDS", required: Number(d.required), available: Number(d.available), shortfall: Number(d.shortfall) } };
      }
      throw error;
    }
  },
  { maxBodyBytes: 4_000_000 },
);
