// The notification kinds a merchant routes to people (Settings → Notifications). Each mail kind
// belongs to one of them; "new sign-in" is per user and not routed here.
export const NOTIFICATION_KINDS = ["withdrawal-decided", "low-balance", "callback-endpoint", "batch-report"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** At most this many extra addresses per kind. */
export const EXTRA_ADDRESSES_MAX = 5;
