// Saves who receives which notification mail: the kinds given replace their rows. Only the
// merchant's own users may be named (anyone else is refused, never stored); audited.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { EXTRA_ADDRESSES_MAX } from "../../lib/notification-kinds";
import { getNotificationPreferences, type NotificationPreferences } from "./get-notification-preferences";
import { listMerchantRecipients } from "./list-merchant-recipients";
import { notificationPreferencesInput, type NotificationPreferencesInput } from "./schemas";

export async function saveNotificationPreferences(merchantId: string, input: NotificationPreferencesInput, actor: Actor): Promise<NotificationPreferences> {
  const parsed = notificationPreferencesInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Input tidak valid / Invalid input");
  const kinds = parsed.data.kinds;
  if (new Set(kinds.map((k) => k.kind)).size !== kinds.length) throw new AppError("VALIDATION", "Jenis notifikasi ganda / A notification kind is listed twice");
  await transaction(async (tx) => {
    const members = new Set((await listMerchantRecipients(merchantId, tx)).map((u) => u.userId));
    for (const k of kinds) {
      if (k.users.some((u) => !members.has(u.userId))) throw new AppError("VALIDATION", "Pengguna tidak dikenal / Unknown user");
      const extras = [...new Set(k.extraEmails)];
      if (extras.length > EXTRA_ADDRESSES_MAX) throw new AppError("VALIDATION", `Paling banyak ${EXTRA_ADDRESSES_MAX} alamat tambahan / At most ${EXTRA_ADDRESSES_MAX} extra addresses`);
      await tx.notificationPreference.deleteMany({ where: { merchantId, kind: k.kind } });
      await tx.notificationPreference.createMany({
        data: [
          ...k.users.map((u) => ({ merchantId, kind: k.kind, userId: u.userId, enabled: u.enabled })),
          ...extras.map((email) => ({ merchantId, kind: k.kind, email, enabled: true })),
        ],
      });
    }
    await recordAudit(tx, {
      actor,
      action: "notifications.preferences_saved",
      targetType: "merchant",
      targetId: merchantId,
      merchantId,
      metadata: {
        kinds: kinds.map((k) => ({ kind: k.kind, off: k.users.filter((u) => !u.enabled).map((u) => u.userId), extraEmails: [...new Set(k.extraEmails)] })),
      },
    });
  });
  return getNotificationPreferences(merchantId);
}
