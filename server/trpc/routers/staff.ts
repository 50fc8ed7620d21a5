// Admin: the Staff page (superadmins only) and the caller's own staff role.
import { z } from "zod";
import { STAFF_ROLES } from "../../auth/permissions";
import { createStaffMember, createStaffSchema } from "../../staff/create-staff-member";
import { listStaff } from "../../staff/list-staff";
import { setStaffRole } from "../../staff/set-staff-role";
import { router, staffProcedure } from "../init";

export const staffRouter = router({
  me: staffProcedure("staff_view").query(({ ctx }) => ({ staffRole: ctx.staffRole })),
  list: staffProcedure("staff_manage").query(() => listStaff()),
  setRole: staffProcedure("staff_manage")
    .input(z.object({ userId: z.string().min(1).max(64), staffRole: z.enum(STAFF_ROLES) }))
    .mutation(({ ctx, input }) => setStaffRole({ ...input, actor: ctx.actor })),
  create: staffProcedure("staff_manage").input(createStaffSchema).mutation(({ ctx, input }) => createStaffMember(input, ctx.actor)),
});
