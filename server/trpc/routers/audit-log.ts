// Admin: who did what to which record.
import { z } from "zod";
import { ACTOR_TYPES, listAuditActions, listAuditLog } from "../../merchants/list-audit-log";
import { router, staffProcedure } from "../init";
import { pageInput } from "../../../lib/pagination";
import { wibDate } from "../../../lib/wib-date";

const day = wibDate;

export const auditLogRouter = router({
  list: staffProcedure("staff_view")
    .input(
      pageInput.extend({
        merchantId: z.string().trim().max(64).optional(),
        action: z.string().trim().max(100).optional(),
        actorType: z.enum(ACTOR_TYPES).optional(),
        from: day.optional(),
        to: day.optional(),
      }),
    )
    .query(({ input }) => listAuditLog(input)),
  actions: staffProcedure("staff_view").query(() => listAuditActions()),
});
