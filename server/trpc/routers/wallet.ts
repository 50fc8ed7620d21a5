import { z } from "zod";
import { db } from "../../db";
import { balanceOf, walletHistory } from "../../ledger";
import { findJournalForMerchant } from "../../ledger/find-journal";
import { merchantProcedure, router } from "../init";
import { pageInput } from "../pagination";

export const walletRouter = router({
  summary: merchantProcedure.query(({ ctx }) => balanceOf(db, ctx.merchantId)),
  history: merchantProcedure.input(pageInput).query(({ ctx, input }) => walletHistory(db, ctx.merchantId, input)),
  journal: merchantProcedure
    .input(z.object({ id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => findJournalForMerchant(db, ctx.merchantId, input.id)),
});
