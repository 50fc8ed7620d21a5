// Runs each benchmark on SQLite, and on PostgreSQL when TEST_POSTGRES_URL is set.
import { execFileSync } from "node:child_process";
import path from "node:path";

const tsx = path.join("node_modules", ".bin", "tsx");
const engines = ["sqlite", ...(process.env.TEST_POSTGRES_URL ? ["postgres"] : [])];
for (const engine of engines) execFileSync(tsx, [path.join("bench", "webhook-throughput.ts"), engine], { stdio: "inherit" });
