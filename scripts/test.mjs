// npm test — every suite, in order, against real databases and a real browser:
//   1. a fresh production build (`next build`, into NEXT_DIST_DIR or .next)
//   2. vitest: unit + integration on SQLite, and again on PostgreSQL when TEST_POSTGRES_URL is set
//      (the PostgreSQL run includes tests/scale-out, which starts that build as several processes)
//   3. Playwright e2e in Debian's Chromium against the same build, on SQLite
// Ends with one line "N passed, N failed" over all suites.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./chromium.mjs";

const results = path.join("test-results");
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const bin = (name) => path.join("node_modules", ".bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function step(title, command, args, extraEnv = {}) {
  console.log(`\n━━ ${title}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`━━ ${title}: ${run.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (run.status !== 0) ok = false;
  return run.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

console.log(
  process.env.TEST_POSTGRES_URL
    ? `PostgreSQL suite: ON (TEST_POSTGRES_URL=${process.env.TEST_POSTGRES_URL.replace(/:[^:@/]*@/, ":***@")})`
    : "PostgreSQL suite: off (set TEST_POSTGRES_URL to run the same tests on PostgreSQL)",
);

// Built first: the scale-out tests (vitest, PostgreSQL) and the e2e suite both run this build.
const built = step("production build (next build)", "npx", ["next", "build"]);

const vitestJson = path.join(results, "vitest.json");
rmSync(vitestJson, { force: true });
step("unit + integration (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else ok = false;

let e2eRan = false;
try {
  ensureChromium();
  if (built) {
    const e2eJson = path.join(results, "playwright.json");
    rmSync(e2eJson, { force: true });
    step("e2e (Playwright, Chromium)", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
    const e2e = readJson(e2eJson);
    if (e2e) {
      e2eRan = true;
      totals.passed += e2e.stats.expected;
      totals.failed += e2e.stats.unexpected + e2e.stats.flaky;
      totals.skipped += e2e.stats.skipped;
    }
  }
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
}
if (!e2eRan) ok = false;

console.log(`\nSummary: vitest ${vitest ? `${vitest.numPassedTests}/${vitest.numTotalTests}` : "did not report"}; e2e ${e2eRan ? "ran" : "did not run"}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
