// Merchant: Settings → Notifications (who receives which notification mail).
import { getNotificationPreferences } from "../../notifications/get-notification-preferences";
import { saveNotificationPreferences } from "../../notifications/save-notification-preferences";
import { notificationPreferencesInput } from "../../notifications/schemas";
import { merchantProcedure, router } from "../init";

export const notificationPreferencesRouter = router({
  get: merchantProcedure.query(({ ctx }) => getNotificationPreferences(ctx.merchantId)),
  save: merchantProcedure.input(notificationPreferencesInput).mutation(({ ctx, input }) => saveNotificationPreferences(ctx.merchantId, input, ctx.actor)),
});
