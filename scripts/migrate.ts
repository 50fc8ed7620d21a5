// npm run db:migrate — applies pending migrations to DATABASE_URL (SQLite file by default).
import { migrate } from "../server/db-migrate";
import { env } from "../server/env";

const result = await migrate(env.DATABASE_URL);
for (const name of result.applied) console.log(`applied  ${name}`);
for (const name of result.changed) console.warn(`warning: ${name} was applied but its migration.sql has changed since`);
console.log(result.applied.length ? `${result.applied.length} migration(s) applied.` : "Database is up to date.");
