// npx tsx scripts/totp.ts <base32 secret | otpauth:// URI>  — prints the current TOTP code (and
// how long it stays valid), e.g. to sign in as a seeded admin without an authenticator app.
import { Secret, TOTP, URI } from "otpauth";

const arg = (process.argv[2] ?? "").trim();
if (!arg) {
  console.error("usage: npx tsx scripts/totp.ts <base32 secret | otpauth:// URI>");
  process.exit(2);
}
try {
  const totp = arg.startsWith("otpauth://") ? URI.parse(arg) : new TOTP({ secret: Secret.fromBase32(arg.replace(/\s+/g, "").toUpperCase()) });
  if (!(totp instanceof TOTP)) throw new Error("not a TOTP URI");
  const left = totp.period - (Math.floor(Date.now() / 1000) % totp.period);
  console.log(totp.generate());
  console.error(`(valid for ${left} more seconds)`);
} catch (error) {
  console.error(`Not a TOTP secret: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
