// Input of Settings → Notifications: per kind, which of the merchant's users receive it and which
// extra addresses (validated, at most EXTRA_ADDRESSES_MAX).
import { z } from "zod";
import { EXTRA_ADDRESSES_MAX, NOTIFICATION_KINDS } from "../../lib/notification-kinds";

export const extraAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("Alamat email tidak valid / Not a valid email address"));

export const notificationPreferencesInput = z.object({
  kinds: z
    .array(
      z.object({
        kind: z.enum(NOTIFICATION_KINDS),
        users: z.array(z.object({ userId: z.string().min(1).max(64), enabled: z.boolean() })).max(200),
        extraEmails: z.array(extraAddress).max(EXTRA_ADDRESSES_MAX, `Paling banyak ${EXTRA_ADDRESSES_MAX} alamat tambahan / At most ${EXTRA_ADDRESSES_MAX} extra addresses`),
      }),
    )
    .max(NOTIFICATION_KINDS.length),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInput>;
