import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, ensureChromium } from "./scripts/chromium.mjs";

// E2E_PORT moves both app processes (port and port + 1), so two checkouts can run their suites at once.
const port = Number(process.env.E2E_PORT ?? 3100);
const secondOrigin = `http://localhost:${port + 1}`; // a second app process, same database (scripts/e2e-server.mjs)

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: { executablePath: ensureChromium(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${secondOrigin}/login`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORTS: `${port},${port + 1}` },
  },
});
