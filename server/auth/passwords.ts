import bcrypt from "bcryptjs";
import { env } from "../env";

export const hashPassword = (password: string) => bcrypt.hash(password, env.BCRYPT_COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

// Compared against when the email is unknown, so a miss costs as long as a wrong password
// and response time does not reveal which accounts exist.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 4);
export const burnPasswordCheck = (password: string) => bcrypt.compare(password, DUMMY_HASH);
