import { z } from "zod";
import { wibDayStart } from "../../../lib/format";
import { findJournalForMerchant, merchantBalance, walletHistory } from "../../ledger";
import { memberProcedure, router } from "../init";
import { keysetCursor } from "../../../lib/keyset-cursor";
import { pageInput } from "../../../lib/pagination";
import { wibDate } from "../../../lib/wib-date";

export const walletRouter = router({
  summary: memberProcedure("view").query(({ ctx }) => merchantBalance(ctx.merchantId)),
  history: memberProcedure("view")
    // `page` for the portal's pager, or `cursor` (the previous answer's `nextCursor`) for keyset paging.
    .input(pageInput.extend({ from: wibDate.optional(), to: wibDate.optional(), cursor: keysetCursor.optional() }))
    .query(({ ctx, input }) =>
      walletHistory(ctx.merchantId, {
        page: input.page,
        pageSize: input.pageSize,
        cursor: input.cursor,
        from: input.from ? wibDayStart(input.from) : undefined,
        before: input.to ? new Date(wibDayStart(input.to).getTime() + 24 * 3600_000) : undefined,
      }),
    ),
  journal: memberProcedure("view")
    .input(z.object({ id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => findJournalForMerchant(ctx.merchantId, input.id)),
});
