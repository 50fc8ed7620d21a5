import { z } from "zod";

/** Page input shared by every list: 1-based page, at most 100 rows. */
export const pageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
