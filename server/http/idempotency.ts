// Idempotency-Key on REST POSTs. The header's key is claimed in IdempotencyRecord before the
// handler runs and the answer is stored after it, so a repeat with the same key and body gets
// the first answer (`Idempotent-Replayed: true`) and the same key with another body is 409.
//
// The stored answer is a convenience; exactly-once does not rest on it. The handler hands the key
// to the use case, which writes it on the business row (Withdrawal, Deposit) in the transaction
// that creates it, under a unique (merchantId, idempotencyKey) index. So when the answer is lost —
// a 5xx after the commit, a process that dies mid-request — the retry runs the handler again and
// the use case finds the row it made the first time instead of making a second.
//
// A claim is held until `lockedUntil` (IDEMPOTENCY_CLAIM_SECONDS): meanwhile a repeat is 409 "in
// progress"; after it, a repeat takes the claim over. A 5xx releases the claim at once. Records are
// kept IDEMPOTENCY_RETENTION_HOURS, then purged by the worker (an older one counts as absent).
import { createHash } from "node:crypto";
import { db, transaction } from "../db";
import { idempotencyEnv } from "../env";
import { AppError } from "../errors";

const IDEMPOTENCY_KEY = /^[\w.:\-]{1,255}$/;

/** The request's Idempotency-Key header, checked; null when it has none. */
export function idempotencyKeyOf(req: Request): string | null {
  const key = req.headers.get("idempotency-key");
  if (key === null) return null;
  if (!IDEMPOTENCY_KEY.test(key)) throw new AppError("VALIDATION", "Idempotency-Key tidak valid (1–255 karakter: huruf, angka, . _ : -) / Invalid Idempotency-Key (1–255 characters: letters, digits, . _ : -)");
  return key;
}

/** What a key is bound to: method, path, query (without the API key) and body. */
export function requestHashOf(req: Request, rawBody: string): string {
  const url = new URL(req.url);
  url.searchParams.delete("apikey");
  return createHash("sha256").update(`${req.method} ${url.pathname}?${url.searchParams}\n${rawBody}`).digest("hex");
}

const keyUsedElsewhere = () => new AppError("CONFLICT", "Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request");
const keyInProgress = () => new AppError("CONFLICT", "Permintaan dengan Idempotency-Key ini masih diproses; ulangi sebentar lagi / A request with this Idempotency-Key is in progress; retry shortly");

export type IdempotencyClaim = { kind: "run" } | { kind: "replay"; status: number; body: string };

/**
 * Claims `key` for one run of the request, or answers its stored response. Throws CONFLICT when the
 * key belongs to another request, or when a live claim (another process still running it) holds it.
 */
export async function claimIdempotencyKey(merchantId: string, key: string, requestHash: string, now = new Date()): Promise<IdempotencyClaim> {
  const lockedUntil = new Date(now.getTime() + idempotencyEnv.IDEMPOTENCY_CLAIM_SECONDS * 1000);
  const retainedSince = new Date(now.getTime() - idempotencyEnv.IDEMPOTENCY_RETENTION_HOURS * 3600_000);
  return transaction(async (tx): Promise<IdempotencyClaim> => {
    const existing = await tx.idempotencyRecord.findUnique({ where: { merchantId_key: { merchantId, key } } });
    if (existing && existing.createdAt < retainedSince) {
      // Past retention (the purge has not run yet): as if it were gone.
      await tx.idempotencyRecord.delete({ where: { id: existing.id } });
    } else if (existing) {
      if (existing.requestHash !== requestHash) throw keyUsedElsewhere();
      if (existing.responseStatus !== null && existing.responseBody !== null) return { kind: "replay", status: existing.responseStatus, body: existing.responseBody };
      // Take over a claim that lapsed (its process died, or it answered 5xx); guarded, so of two
      // retries racing for it exactly one wins.
      const { count } = await tx.idempotencyRecord.updateMany({
        where: { id: existing.id, responseStatus: null, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
        data: { lockedUntil },
      });
      if (count === 0) throw keyInProgress();
      return { kind: "run" };
    }
    // A concurrent twin that inserted first makes this fail on the unique index; `transaction`
    // retries and the retry meets the twin's live claim above.
    await tx.idempotencyRecord.create({ data: { merchantId, key, requestHash, lockedUntil } });
    return { kind: "run" };
  });
}

/**
 * Stores the answer for replays, or — for a 5xx, which is no answer — releases the claim so a retry
 * runs at once. With `forget` (the use case found the key on a row made for other details, after
 * this record's predecessor was purged) the claim is dropped: the key stays the row's, not this
 * request's. A failure to store is logged, not answered: the caller still gets the real response,
 * and a retry after the claim lapses is safe because the business row carries the key.
 */
export async function finishIdempotentRequest(merchantId: string, key: string, response: Response, options: { forget?: boolean } = {}): Promise<void> {
  try {
    const where = { merchantId, key, responseStatus: null };
    if (options.forget) {
      await transaction((tx) => tx.idempotencyRecord.deleteMany({ where }));
      return;
    }
    if (response.status >= 500) {
      await transaction((tx) => tx.idempotencyRecord.updateMany({ where, data: { lockedUntil: null } }));
      return;
    }
    const body = await response.clone().text();
    await transaction((tx) => tx.idempotencyRecord.updateMany({ where, data: { responseStatus: response.status, responseBody: body, lockedUntil: null } }));
  } catch (error) {
    console.error(`[idempotency] could not store the answer for key ${key} of merchant ${merchantId}:`, error);
  }
}

/** The worker's purge: records older than IDEMPOTENCY_RETENTION_HOURS. Returns how many went. */
export async function purgeIdempotencyRecords(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - idempotencyEnv.IDEMPOTENCY_RETENTION_HOURS * 3600_000);
  const { count } = await db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
