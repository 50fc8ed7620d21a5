import { z } from "zod";
import { getAdminOverview } from "../../insights/get-admin-overview";
import { CHART_PERIODS, getMerchantCharts } from "../../insights/get-merchant-charts";
import { getMerchantSummary } from "../../insights/get-merchant-summary";
import { memberProcedure, router, staffProcedure } from "../init";

export const insightsRouter = router({
  /** The wallet page's charts over the last 7, 30 or 90 WIB days. */
  charts: memberProcedure("view")
    .input(z.object({ period: z.union(CHART_PERIODS.map((p) => z.literal(p))).default(30) }))
    .query(({ ctx, input }) => getMerchantCharts({ merchantId: ctx.merchantId, period: input.period })),
  summary: memberProcedure("view").query(({ ctx }) => getMerchantSummary({ merchantId: ctx.merchantId })),
  adminOverview: staffProcedure("staff_view").query(() => getAdminOverview()),
});
