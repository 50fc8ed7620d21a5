// The live status behind the QR page: each viewer is a listener on the process's one change feed
// (server/live/deposit-status-feed.ts), so a payment recorded by any app process reaches a page
// served by any other, and the database work does not grow with the number of open pages.
import { depositStatusFeed, type DepositStatus, type DepositStatusFeed } from "../live/deposit-status-feed";
import { isDepositIdShape } from "./deposit-id";

export type DepositStatusUpdate = DepositStatus;

/**
 * Yields the deposit's status now, then each change, and ends once it is no longer pending (or
 * when `signal` aborts, or at once for an id that names no deposit).
 */
export async function* watchDepositStatus(depositId: string, signal?: AbortSignal, feed: DepositStatusFeed = depositStatusFeed()): AsyncGenerator<DepositStatusUpdate> {
  if (!isDepositIdShape(depositId) || signal?.aborted) return; // names no deposit, like an unknown id
  // The newest status the feed told and not yet yielded; `wake` resumes the generator.
  let next: DepositStatus | null | undefined;
  let wake: (() => void) | null = null;
  const resume = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const stop = feed.watch(depositId, (status) => {
    next = status;
    resume();
  });
  // The viewer going away ends the watch at once, even while the generator waits at a `yield`.
  const leave = () => {
    stop();
    resume();
  };
  signal?.addEventListener("abort", leave, { once: true });
  let last: string | null = null;
  try {
    while (!signal?.aborted) {
      if (next === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const status = next;
      next = undefined;
      if (!status) return; // no such deposit
      if (status.status !== last) {
        last = status.status;
        yield { id: status.id, status: status.status, paidAt: status.paidAt };
      }
      if (status.status !== "pending") return;
    }
  } finally {
    stop();
    signal?.removeEventListener("abort", leave);
  }
}
