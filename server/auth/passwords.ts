import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { env } from "../env";

export const hashPassword = (password: string) => bcrypt.hash(password, env.BCRYPT_COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

// Compared against when the email is unknown, so a miss costs as long as a wrong password and
// response time does not reveal which accounts exist. Hashed at the configured cost (the cost
// every account's hash has): a cheaper dummy would answer unknown emails measurably faster.
// Made on first use, not at import, so scripts that never sign anyone in do not pay for it.
let dummyHash: Promise<string> | undefined;

export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash(randomBytes(18).toString("base64url"), env.BCRYPT_COST);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
