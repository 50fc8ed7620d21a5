// The batch report (CSV): every row of the file in its order with what became of it — the
// withdrawal id, status, the admin's note or the provider's reason, and when it was decided (WIB).
// Amounts are whole rupiah digits, so a spreadsheet reads them as numbers.
import Papa from "papaparse";
import { db } from "../db";
import { formatWibSql } from "../../lib/format";
import { getPayoutBatch } from "./get-payout-batch";
import { publicStatus } from "./views";

export async function buildPayoutBatchReport(input: { batchId: string; merchantId?: string }): Promise<{ fileName: string; csv: string }> {
  const { batch } = await getPayoutBatch({ batchId: input.batchId, merchantId: input.merchantId, pageSize: 1 });
  const rows = await db.withdrawal.findMany({ where: { batchId: batch.id }, orderBy: { batchRow: "asc" } });
  // escapeFormulae: a name starting with = + - @ is text, not a spreadsheet formula.
  const csv = Papa.unparse({
    fields: ["row", "withdraw_id", "amount", "fee", "total_deduct", "method", "account_number", "account_name", "note", "reference", "status", "admin_note", "failure_reason", "created_at", "processed_at"],
    data: rows.map((w) => [
      w.batchRow,
      w.id,
      w.amount.toString(),
      w.fee.toString(),
      w.totalDeduct.toString(),
      w.method,
      w.accountNumber,
      w.accountName,
      w.note ?? "",
      w.reference ?? "",
      publicStatus(w.status),
      w.adminNote ?? "",
      w.failureReason ?? "",
      formatWibSql(w.createdAt),
      w.processedAt ? formatWibSql(w.processedAt) : "",
    ]),
  }, { escapeFormulae: true });
  return { fileName: `payout-batch-${batch.id}.csv`, csv };
}
