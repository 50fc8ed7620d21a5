// Admin: the mail log (metadata of every queued mail) and "retry now" for a failed one.
import { z } from "zod";
import { listMailKinds, listMailLog, MAIL_STATUSES } from "../../mail/list-mail-log";
import { retryMail } from "../../mail/retry-mail";
import { router, staffProcedure } from "../init";
import { pageInput } from "../../../lib/pagination";

export const mailLogRouter = router({
  list: staffProcedure("staff_view")
    .input(
      pageInput.extend({
        status: z.enum(MAIL_STATUSES).optional(),
        kind: z.string().trim().max(64).optional(),
        recipient: z.string().trim().max(254).optional(),
      }),
    )
    .query(({ input }) => listMailLog(input)),
  kinds: staffProcedure("staff_view").query(() => listMailKinds()),
  retry: staffProcedure("settings").input(z.object({ id: z.string().min(1).max(64) })).mutation(({ ctx, input }) => retryMail({ mailId: input.id, actor: ctx.actor })),
});
