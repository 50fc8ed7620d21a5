// Codes typed on the two-factor page (confirm, regenerate, turn off) are limited like sign-in
// attempts: a 6-digit code is guessable only at a rate nobody can use. Each attempt is counted
// first; a right code gives its count back.
import { env } from "../env";
import { AppError } from "../errors";
import { refundRateLimits, takeRateLimits } from "../http/rate-limit";

const MAX_WRONG_CODES = 10;

export async function withCodeAttemptLimit<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const key = `two-factor:code:${userId}`;
  const [taken] = await takeRateLimits([{ key, max: MAX_WRONG_CODES }], { windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS });
  if (taken && !taken.allowed) {
    throw new AppError("RATE_LIMITED", "Terlalu banyak percobaan kode. Coba lagi nanti / Too many code attempts. Try again later", { retryAfterSeconds: taken.retryAfterSeconds });
  }
  const result = await work();
  await refundRateLimits([key]);
  return result;
}
