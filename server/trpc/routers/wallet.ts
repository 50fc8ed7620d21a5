import { z } from "zod";
import { wibDayStart } from "../../../lib/format";
import { db } from "../../db";
import { balanceOf, walletHistory } from "../../ledger";
import { findJournalForMerchant } from "../../ledger/find-journal";
import { merchantProcedure, router } from "../init";
import { pageInput } from "../pagination";

export const walletRouter = router({
  summary: merchantProcedure.query(({ ctx }) => balanceOf(db, ctx.merchantId)),
  history: merchantProcedure
    .input(pageInput.extend({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }))
    .query(({ ctx, input }) =>
      walletHistory(db, ctx.merchantId, {
        page: input.page,
        pageSize: input.pageSize,
        from: input.from ? wibDayStart(input.from) : undefined,
        before: input.to ? new Date(wibDayStart(input.to).getTime() + 24 * 3600_000) : undefined,
      }),
    ),
  journal: merchantProcedure
    .input(z.object({ id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => findJournalForMerchant(db, ctx.merchantId, input.id)),
});
