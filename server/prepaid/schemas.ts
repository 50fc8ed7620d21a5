// The prepaid API's request fields (seed 002). Numbers in a JSON body are read as text, so
// `"customer_id": 81234567890` is not silently changed.
import { z } from "zod";

const text = (max: number) => z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim().min(1).max(max));

const auth = { username: text(32), sign: text(128) };

export const topUpSchema = z.object({ ...auth, ref_id: text(64), customer_id: text(40), product_code: text(40) });
export type TopUpRequest = z.infer<typeof topUpSchema>;

export const checkStatusSchema = z.object({ ...auth, ref_id: text(64) });
export type CheckStatusRequest = z.infer<typeof checkStatusSchema>;

export const PRICELIST_STATUSES = ["all", "active", "non active"] as const;
export const pricelistSchema = z.object({
  ...auth,
  type: text(20).optional(),
  operator: text(40).optional(),
  status: z.enum(PRICELIST_STATUSES).default("all"),
});
export type PricelistRequest = z.infer<typeof pricelistSchema>;

export const checkBalanceSchema = z.object(auth);
export type CheckBalanceRequest = z.infer<typeof checkBalanceSchema>;

export const inquiryPlnSchema = z.object({ ...auth, customer_id: text(40) });
export type InquiryPlnRequest = z.infer<typeof inquiryPlnSchema>;
