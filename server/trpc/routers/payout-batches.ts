// Batch payouts (issue 15): the merchant's upload → validate → submit → follow, and the desk's
// batch list and decisions. Files travel base64-encoded; the large-body cap for these procedures
// is in server/http/trpc-guards.ts (LARGE_BODY_PROCEDURES).
import { z } from "zod";
import { pageInput } from "../../../lib/pagination";
import { buildPayoutBatchReport } from "../../withdrawals/build-payout-batch-report";
import { decidePayoutBatch } from "../../withdrawals/decide-payout-batch";
import { BULK_MAX } from "../../withdrawals/decide-withdrawals-in-bulk";
import { getPayoutBatch, getPayoutBatchInput } from "../../withdrawals/get-payout-batch";
import { listPayoutBatchQueue } from "../../withdrawals/list-payout-batch-queue";
import { listPayoutBatches } from "../../withdrawals/list-payout-batches";
import { parsePayoutFile } from "../../withdrawals/parse-payout-file";
import { submitPayoutBatch } from "../../withdrawals/submit-payout-batch";
import { payoutBatchRowsInput, validatePayoutBatch } from "../../withdrawals/validate-payout-batch";
import { assertEmailVerified } from "../../auth/verify-email";
import { requireTwoFactorForWithdrawal } from "../../two-factor/require-two-factor-for-withdrawal";
import { memberProcedure, router, staffProcedure } from "../init";

// 10,000 rows of XLSX or CSV stay well below this once base64-encoded.
const MAX_FILE_BASE64 = 4_000_000;
const batchId = z.string().trim().min(1).max(64);

export const payoutBatchesRouter = router({
  /** Reads the uploaded file and validates its rows (nothing is reserved). */
  parseFile: memberProcedure("withdraw")
    .input(z.object({ fileName: z.string().trim().min(1).max(200), contentBase64: z.string().max(MAX_FILE_BASE64, "File terlalu besar / The file is too large") }))
    .mutation(async ({ ctx, input }) => {
      const rows = await parsePayoutFile({ fileName: input.fileName, content: Buffer.from(input.contentBase64, "base64") });
      return { rows, validation: await validatePayoutBatch({ merchantId: ctx.merchantId, rows }) };
    }),
  /** Validates rows again after the merchant edited them in place. */
  validate: memberProcedure("withdraw").input(z.object({ rows: payoutBatchRowsInput })).mutation(({ ctx, input }) => validatePayoutBatch({ merchantId: ctx.merchantId, rows: input.rows })),
  submit: memberProcedure("withdraw")
    .input(
      z.object({
        rows: payoutBatchRowsInput,
        fileName: z.string().max(200).optional(),
        confirmDuplicates: z.boolean().default(false),
        /** The page's key (made when the file is loaded): a double click submits once. */
        idempotencyKey: z.string().uuid(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // A batch payout is withdrawals: the same checks as one withdrawal in the portal.
      await assertEmailVerified(ctx.user.id);
      await requireTwoFactorForWithdrawal(ctx.user.id);
      const { batch, newBalance } = await submitPayoutBatch({
        merchantId: ctx.merchantId,
        rows: input.rows,
        fileName: input.fileName,
        confirmDuplicates: input.confirmDuplicates,
        actor: ctx.actor,
        idempotencyKey: `portal:${input.idempotencyKey}`,
      });
      return { batchId: batch.id, newBalance };
    }),
  list: memberProcedure("view").input(pageInput).query(({ ctx, input }) => listPayoutBatches(ctx.merchantId, input)),
  get: memberProcedure("view").input(getPayoutBatchInput).query(({ ctx, input }) => getPayoutBatch({ ...input, merchantId: ctx.merchantId })),
  report: memberProcedure("view").input(z.object({ batchId })).mutation(({ ctx, input }) => buildPayoutBatchReport({ batchId: input.batchId, merchantId: ctx.merchantId })),
});

export const payoutBatchDeskRouter = router({
  queue: staffProcedure("staff_view").input(pageInput).query(({ input }) => listPayoutBatchQueue(input)),
  get: staffProcedure("staff_view").input(getPayoutBatchInput).query(({ input }) => getPayoutBatch(input)),
  report: staffProcedure("staff_view").input(z.object({ batchId })).mutation(({ input }) => buildPayoutBatchReport({ batchId: input.batchId })),
  /** Approve / reject all pending rows (call again with `nextAfterRow` until it is null) or the rows named. */
  decide: staffProcedure("approve")
    .input(
      z.discriminatedUnion("action", [
        z.object({ action: z.literal("approve"), batchId, ids: z.array(batchId).min(1).max(BULK_MAX).optional(), afterRow: z.number().int().min(0).optional() }),
        z.object({ action: z.literal("reject"), batchId, ids: z.array(batchId).min(1).max(BULK_MAX).optional(), afterRow: z.number().int().min(0).optional(), note: z.string().max(500) }),
      ]),
    )
    .mutation(({ ctx, input }) => decidePayoutBatch({ ...input, actor: ctx.actor })),
});
