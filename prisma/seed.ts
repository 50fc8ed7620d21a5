// npm run db:seed — the admins (two: maker-checker needs a second one), a demo merchant with some history, and its API key.
// Safe to run again: existing users are kept, postings replay by their idempotency keys.
import { createApiKey, hashApiKey } from "../server/auth/api-keys";
import { hashPassword } from "../server/auth/passwords";
import { db, transaction } from "../server/db";
import { credit, openMerchantAccounts, reserve, voidHold } from "../server/ledger";
import { newPrepaidKey, openPrepaidKey, sealPrepaidKey } from "../server/prepaid/prepaid-credentials";
import { upsertCatalogue } from "../server/prepaid/upsert-catalogue";
import { sealSecret } from "../server/crypto/data-encryption";
import { otpauthUri, secretContext } from "../server/two-factor/totp";
import { seedTotpSecrets } from "./seed-totp";

export const SEED = {
  admin: { email: "admin@saldo.test", password: "admin12345", name: "Saldo Admin" },
  admin2: { email: "admin2@saldo.test", password: "admin2-12345", name: "Saldo Admin Dua" },
  merchant: { email: "merchant@saldo.test", password: "merchant12345", businessName: "Toko Demo Saldo", phone: "081234500001" },
  // The demo merchant's team beside its owner, one login per role (server/auth/permissions.ts).
  team: [
    { email: "finance@saldo.test", password: "finance-12345", name: "Demo Keuangan", role: "finance" },
    { email: "developer@saldo.test", password: "developer-12345", name: "Demo Developer", role: "developer" },
    { email: "viewer@saldo.test", password: "viewer-12345", name: "Demo Peninjau", role: "viewer" },
  ],
};

async function seedAdmin(admin: { email: string; password: string; name: string } = SEED.admin, staffRole: "superadmin" | "approver" = "superadmin") {
  const existing = await db.user.findUnique({ where: { email: admin.email } });
  if (existing) return existing;
  const passwordHash = await hashPassword(admin.password);
  return transaction((tx) => tx.user.create({ data: { email: admin.email, name: admin.name, passwordHash, role: "ADMIN", staffRole, emailVerifiedAt: new Date() } }));
}

/** Every admin signs in with two factors: the seeded ones have TOTP with a known secret. */
async function seedAdminTotp(userId: string, secret: string) {
  const sealed = sealSecret(secret, secretContext(userId));
  await transaction((tx) =>
    tx.userTwoFactor.upsert({
      where: { userId },
      create: { userId, secret: sealed, enabledAt: new Date() },
      update: { secret: sealed, enabledAt: new Date() },
    }),
  );
}

/** The owner's membership (kept on a re-run) and the team's other members with their roles. */
async function seedTeam(merchantId: string) {
  const owner = await db.user.findUniqueOrThrow({ where: { email: SEED.merchant.email }, select: { id: true } });
  await db.membership.upsert({ where: { userId_merchantId: { userId: owner.id, merchantId } }, update: {}, create: { userId: owner.id, merchantId, role: "owner" } });
  for (const member of SEED.team) {
    if (await db.user.findUnique({ where: { email: member.email }, select: { id: true } })) continue;
    const passwordHash = await hashPassword(member.password);
    await transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: member.email, name: member.name, passwordHash, role: "MERCHANT", merchantId, activeMerchantId: merchantId, emailVerifiedAt: new Date() } });
      await tx.membership.create({ data: { userId: user.id, merchantId, role: member.role } });
    });
  }
}

async function seedMerchant() {
  const existing = await db.user.findUnique({ where: { email: SEED.merchant.email } });
  if (existing?.merchantId) return existing.merchantId;
  const passwordHash = await hashPassword(SEED.merchant.password);
  return transaction(async (tx) => {
    const merchant = await tx.merchant.create({ data: { businessName: SEED.merchant.businessName, phone: SEED.merchant.phone } });
    await tx.user.create({
      data: { email: SEED.merchant.email, name: SEED.merchant.businessName, passwordHash, role: "MERCHANT", merchantId: merchant.id, emailVerifiedAt: new Date() },
    });
    await openMerchantAccounts(tx, merchant.id);
    return merchant.id;
  });
}

async function seedHistory(merchantId: string) {
  await transaction(async (tx) => {
    const actor = "system:seed";
    await credit(tx, { merchantId, amount: 1_000_000, idempotencyKey: "seed:deposit:1", reference: "SEED-TOPUP-1", description: "Top-up QRIS", actor });
    await credit(tx, { merchantId, amount: 250_000, idempotencyKey: "seed:deposit:2", reference: "SEED-TOPUP-2", description: "Top-up VA BNI", actor });
    const { hold } = await reserve(tx, { merchantId, amount: 101_000, idempotencyKey: "seed:hold:1", reference: "SEED-WD-1", actor });
    if (hold.status === "PENDING") await voidHold(tx, { holdId: hold.id, description: "Penarikan dibatalkan", actor });
  });
}

async function seedApiKey(merchantId: string): Promise<string | null> {
  const wanted = process.env.SEED_API_KEY;
  if (wanted) {
    const found = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(wanted) } });
    if (found) return wanted;
    return transaction(async (tx) => (await createApiKey(tx, { merchantId, name: "Seed key", key: wanted })).key);
  }
  if (await db.apiKey.count({ where: { merchantId, revokedAt: null } })) return null; // already has one; shown only once
  return transaction(async (tx) => (await createApiKey(tx, { merchantId, name: "Demo key" })).key);
}

/** The demo merchant's prepaid (IAK) key: SEED_PREPAID_KEY when set, else the one it has, else a new one. */
async function seedPrepaidKey(merchantId: string): Promise<string> {
  const wanted = process.env.SEED_PREPAID_KEY?.trim();
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { prepaidApiKey: true } });
  const current = await openPrepaidKey(merchantId, merchant.prepaidApiKey);
  const key = wanted || current || newPrepaidKey();
  // Stored sealed under DATA_ENCRYPTION_KEY, like every prepaid key.
  if (key !== current) await transaction((tx) => tx.merchant.update({ where: { id: merchantId }, data: { prepaidApiKey: sealPrepaidKey(merchantId, key) } }));
  return key;
}

async function main() {
  const totp = seedTotpSecrets();
  const admin = await seedAdmin();
  const admin2 = await seedAdmin(SEED.admin2, "approver");
  await seedAdminTotp(admin.id, totp.admin);
  await seedAdminTotp(admin2.id, totp.admin2);
  const merchantId = await seedMerchant();
  await seedTeam(merchantId);
  await seedHistory(merchantId);
  const apiKey = await seedApiKey(merchantId);
  const products = await upsertCatalogue();
  const prepaidKey = await seedPrepaidKey(merchantId);
  console.log("Seeded:");
  console.log(`  admin     ${SEED.admin.email} / ${SEED.admin.password}`);
  console.log(`            TOTP ${otpauthUri(totp.admin, SEED.admin.email)}`);
  console.log(`  admin 2   ${SEED.admin2.email} / ${SEED.admin2.password} (staff role approver: the second approver)`);
  console.log(`            TOTP ${otpauthUri(totp.admin2, SEED.admin2.email)}`);
  console.log(`            (current code: npx tsx scripts/totp.ts <secret>)`);
  console.log(`  merchant  ${SEED.merchant.email} / ${SEED.merchant.password} (owner; no two-factor yet: enrol at /security/two-factor)`);
  for (const member of SEED.team) console.log(`  ${member.role.padEnd(9)} ${member.email} / ${member.password} (member of the demo merchant)`);
  console.log(apiKey ? `  API key   ${apiKey}` : "  API key   (already issued earlier; create a new one on the Developers page)");
  console.log(`  prepaid   username ${SEED.merchant.phone} / key ${prepaidKey} (${products} products in the catalogue)`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
