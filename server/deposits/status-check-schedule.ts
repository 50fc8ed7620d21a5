// When the worker asks a provider's status API about a charge whose notification may be lost:
// about 5, 15 and 60 minutes after it was created (those before its expiry), at its expiry, and
// once more a little after it (a provider reports its own expiry, or a payment made in the last
// minute, with some delay). Pure functions of the deposit's times.
const MINUTE = 60_000;
export const STATUS_CHECK_OFFSETS_MINUTES = [5, 15, 60] as const;
/** The last check, after expiry: Midtrans sends expiry notifications within ~90 s, settlements within ~20 s. */
export const STATUS_CHECK_AFTER_EXPIRY_MINUTES = 15;
/** How soon to ask again when the provider could not answer and no planned check is left. */
export const STATUS_CHECK_RETRY_MINUTES = 15;
/** A bound on retries when the provider keeps not answering; what is left then is for an admin. */
export const STATUS_CHECK_MAX = 12;

export function statusCheckTimes(createdAt: Date, expiredAt: Date): Date[] {
  const planned = STATUS_CHECK_OFFSETS_MINUTES.map((m) => new Date(createdAt.getTime() + m * MINUTE)).filter((t) => t < expiredAt);
  return [...planned, expiredAt, new Date(expiredAt.getTime() + STATUS_CHECK_AFTER_EXPIRY_MINUTES * MINUTE)];
}

/** The first planned check after `now`, or null when none is left. */
export function nextStatusCheck(deposit: { createdAt: Date; expiredAt: Date }, now: Date): Date | null {
  return statusCheckTimes(deposit.createdAt, deposit.expiredAt).find((t) => t > now) ?? null;
}
