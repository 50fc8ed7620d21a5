// Merchant: Settings → Notifications (who receives which notification mail).
import { getNotificationPreferences } from "../../notifications/get-notification-preferences";
import { saveNotificationPreferences } from "../../notifications/save-notification-preferences";
import { notificationPreferencesInput } from "../../notifications/schemas";
import { memberProcedure, router } from "../init";

export const notificationPreferencesRouter = router({
  get: memberProcedure("manage").query(({ ctx }) => getNotificationPreferences(ctx.merchantId)),
  save: memberProcedure("manage").input(notificationPreferencesInput).mutation(({ ctx, input }) => saveNotificationPreferences(ctx.merchantId, input, ctx.actor)),
});
