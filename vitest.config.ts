import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Every test file gets a fresh database of its own (tests/setup-db.ts). The `sqlite` project
// always runs; the `postgres` project runs the same files against PostgreSQL when
// TEST_POSTGRES_URL is set.
// Callback retries in milliseconds rather than minutes, so backoff paths run in a test.
const fastWebhooks = { WEBHOOK_RETRY_SCHEDULE: "0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05", WEBHOOK_TIMEOUT_MS: "3000" };

const shared = {
  setupFiles: ["tests/setup-db.ts"],
  include: ["server/**/*.test.ts", "lib/**/*.test.ts", "tests/**/*.test.ts"],
  testTimeout: 120_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    projects: [
      // tests/scale-out runs several `next start` processes and workers on one database, which is
      // what PostgreSQL is for (SQLite is the one-machine embedded engine): postgres project only.
      {
        extends: true as const,
        test: { ...shared, name: "sqlite", exclude: [...configDefaults.exclude, "tests/scale-out/**"], env: { TEST_DB_ENGINE: "sqlite", ...fastWebhooks } },
      },
      ...(process.env.TEST_POSTGRES_URL
        ? [{ extends: true as const, test: { ...shared, name: "postgres", env: { TEST_DB_ENGINE: "postgres", ...fastWebhooks } } }]
        : []),
    ],
  },
});
