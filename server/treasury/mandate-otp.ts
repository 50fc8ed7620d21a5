// A mandate's confirmation code: valid for a few minutes, stored only as a hash bound to the mandate.
import { createHash } from "node:crypto";

export const OTP_MINUTES = 10;

export const hashOtp = (mandateId: string, otp: string) => createHash("sha256").update(`${mandateId}:${otp}`).digest("hex");
