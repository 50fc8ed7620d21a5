// Generates the Prisma clients for both engines from the one schema in prisma/schema.prisma.
// The PostgreSQL schema is derived (provider and output swapped), never edited by hand.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const POSTGRES_SCHEMA = path.join("prisma", ".postgres", "schema.prisma");

export function derivePostgresSchema(sqliteSchema) {
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./data/saldo.db"', 'url      = "postgresql://localhost/saldo"')
    .replace('output     = "../server/generated/sqlite"', 'output     = "../../server/generated/postgres"');
}

export function writePostgresSchema(source = readFileSync(path.join("prisma", "schema.prisma"), "utf8")) {
  const derived = derivePostgresSchema(source);
  if (!derived.includes('"postgresql"') || !derived.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the provider/output lines this script rewrites");
  }
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, "// Derived from prisma/schema.prisma by scripts/prisma-generate.mjs. Do not edit.\n" + derived);
  return POSTGRES_SCHEMA;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  const prisma = path.join("node_modules", "prisma", "build", "index.js");
  execFileSync(process.execPath, [prisma, "generate", "--schema", path.join("prisma", "schema.prisma")], { stdio: "inherit", env });
  execFileSync(process.execPath, [prisma, "generate", "--schema", writePostgresSchema()], { stdio: "inherit", env });
}
