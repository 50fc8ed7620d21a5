import { z } from "zod";
import { findReceipt } from "../../receipts/find-receipt";
import { RECEIPT_KINDS } from "../../receipts/receipt-code";
import { verifyReceipt } from "../../receipts/verify-receipt";
import { memberProcedure, publicProcedure, router } from "../init";

export const receiptsRouter = router({
  /** The merchant's own receipt; another merchant's, or a record without one, is NOT_FOUND. */
  get: memberProcedure("view")
    .input(z.object({ kind: z.enum(RECEIPT_KINDS), id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => findReceipt({ merchantId: ctx.merchantId, kind: input.kind, id: input.id })),
  /** The public check behind a receipt's QR code. */
  verify: publicProcedure.input(z.object({ code: z.string().min(1).max(200) })).query(({ input }) => verifyReceipt(input.code)),
});
