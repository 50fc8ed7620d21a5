// Runs before each test file: point DATABASE_URL at a fresh database before anything
// imports server/db, and remove it afterwards.
import { afterAll } from "vitest";
import { createTestDatabase } from "./test-database";

process.env.BCRYPT_COST ??= "4";
process.env.SANDBOX ??= "1";
process.env.APP_URL ??= "http://localhost:3999";
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { db } = await import("../server/db");
  await db.$disconnect();
  await database.drop();
});
