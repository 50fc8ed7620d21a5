// The teams migration's data step, run again on rows as they were before teams existed: every
// merchant login becomes its merchant's owner and acts for it; every admin becomes a superadmin.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { db, engine } from "../server/db";

function dataStatements(): string[] {
  const root = path.join("prisma", "migrations", engine);
  const dir = readdirSync(root).find((name) => name.endsWith("_teams"))!;
  const sql = readFileSync(path.join(root, dir, "migration.sql"), "utf8");
  const data = sql.slice(sql.indexOf("-- Data:"));
  return data
    .split(";")
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

it("migrates existing merchant users to owners and admins to superadmins", async () => {
  const merchant = await db.merchant.create({ data: { businessName: "Toko Lama" } });
  const legacy = await db.user.create({ data: { email: "lama@test.saldo", name: "Lama", passwordHash: "x", role: "MERCHANT", merchantId: merchant.id } });
  const admin = await db.user.create({ data: { email: "admin-lama@saldo.test", name: "Admin", passwordHash: "x", role: "ADMIN" } });
  const loose = await db.user.create({ data: { email: "tanpa@test.saldo", name: "Tanpa", passwordHash: "x", role: "MERCHANT" } });

  const statements = dataStatements();
  expect(statements).toHaveLength(3);
  for (const statement of statements) await db.$executeRawUnsafe(statement);

  const memberships = await db.membership.findMany();
  expect(memberships).toHaveLength(1);
  expect(memberships[0]).toMatchObject({ userId: legacy.id, merchantId: merchant.id, role: "owner" });
  expect((await db.user.findUniqueOrThrow({ where: { id: legacy.id } })).activeMerchantId).toBe(merchant.id);
  expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).staffRole).toBe("superadmin");
  const untouched = await db.user.findUniqueOrThrow({ where: { id: loose.id } });
  expect([untouched.staffRole, untouched.activeMerchantId]).toEqual([null, null]);
});
