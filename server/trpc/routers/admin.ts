import { z } from "zod";
import { db } from "../../db";
import { AppError } from "../../errors";
import { balanceOf, walletHistory } from "../../ledger";
import { getMerchant, listMerchants } from "../../merchants/list-merchants";
import { adminProcedure, router } from "../init";
import { pageInput } from "../pagination";

export const adminRouter = router({
  merchants: adminProcedure
    .input(pageInput.extend({ search: z.string().trim().max(100).optional() }))
    .query(({ input }) => listMerchants(db, input)),
  merchantLedger: adminProcedure.input(pageInput.extend({ merchantId: z.string().min(1).max(64) })).query(async ({ input }) => {
    const merchant = await getMerchant(db, input.merchantId);
    if (!merchant) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
    const [balance, history] = await Promise.all([balanceOf(db, merchant.id), walletHistory(db, merchant.id, input)]);
    return { merchant, balance, history };
  }),
});
