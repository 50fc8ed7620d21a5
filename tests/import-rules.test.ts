// The layer rules of DESIGN.md, enforced on every .ts/.tsx file (scripts/import-rules.ts).
// Needs no database: it only reads files, so it runs the same under the sqlite and the postgres
// project (the shared setup file still prepares a database it does not use).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkImportRules, formatViolations, listSourceFiles, type Violation } from "../scripts/import-rules";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURE = path.join(import.meta.dirname, "fixtures", "import-rules");

const brief = (violations: Violation[]) => violations.map(({ rule, file, specifier, target }) => ({ rule, file, specifier, target }));

describe("import rules on the real tree", () => {
  it("reads the whole tree except generated code and the fixtures", () => {
    const files = listSourceFiles(ROOT);
    expect(files).toContain("server/ledger/index.ts");
    expect(files).toContain("server/trpc/root.ts");
    expect(files.some((f) => f.startsWith("app/") && f.endsWith(".tsx"))).toBe(true);
    expect(files.filter((f) => f.startsWith("tests/fixtures/") || f.startsWith("server/generated/") || f.startsWith("node_modules/"))).toEqual([]);
  });

  it("has no violations", () => {
    // Compared as text, so a failure lists each violation on one line: file:line, specifier, target, rule.
    expect(formatViolations(checkImportRules(ROOT))).toBe("no import-rule violations");
  });
});

describe("import rules on a fixture tree that breaks each rule once or more", () => {
  const violations = checkImportRules(FIXTURE);

  it("reports exactly the planted violations, and none of the allowed imports next to them", () => {
    expect(brief(violations), formatViolations(violations)).toEqual([
      // app-no-db: alias, relative, both Prisma package spellings, a dynamic import, and a test file in app/.
      { rule: "app-no-db", file: "app/wallet/page.test.tsx", specifier: "../../server/db", target: "server/db.ts" },
      { rule: "app-no-db", file: "app/wallet/page.tsx", specifier: "@/server/db", target: "server/db.ts" },
      { rule: "app-no-db", file: "app/wallet/page.tsx", specifier: "../../server/generated/sqlite/client", target: "server/generated/sqlite/client.ts" },
      { rule: "app-no-db", file: "app/wallet/page.tsx", specifier: "@prisma/client", target: "package:@prisma/client" },
      { rule: "app-no-db", file: "app/wallet/page.tsx", specifier: ".prisma/client", target: "package:.prisma" },
      { rule: "app-no-db", file: "app/wallet/page.tsx", specifier: "../../server/db-migrate", target: "server/db-migrate.ts" },
      // ledger-imports-no-domain: the ledger reaching up into treasury (its test file is exempt).
      { rule: "ledger-imports-no-domain", file: "server/ledger/post-journal.ts", specifier: "../treasury/low-balance", target: "server/treasury/low-balance.ts" },
      // provider-adapter-isolated: a use case, the db through the alias, and the registry by `export … from`.
      { rule: "provider-adapter-isolated", file: "server/providers/sandbox/index.ts", specifier: "../../deposits/record-payment", target: "server/deposits/record-payment.ts" },
      { rule: "provider-adapter-isolated", file: "server/providers/sandbox/index.ts", specifier: "@/server/db", target: "server/db.ts" },
      { rule: "provider-adapter-isolated", file: "server/providers/sandbox/index.ts", specifier: "../index", target: "server/providers/index.ts" },
      // routers-no-db: the db and the generated client (server/trpc/init.ts and the router's test may).
      { rule: "routers-no-db", file: "server/trpc/routers/wallet.ts", specifier: "../../db", target: "server/db.ts" },
      { rule: "routers-no-db", file: "server/trpc/routers/wallet.ts", specifier: "@/server/generated/sqlite/client", target: "server/generated/sqlite/client.ts" },
    ]);
  });

  it("exempts test files from the ledger, adapter and router rules", () => {
    expect(violations.filter((v) => v.file.endsWith(".test.tsx") && v.rule !== "app-no-db")).toEqual([]);
  });

  it("gives the line of each import and says so readably", () => {
    const ledger = violations.find((v) => v.rule === "ledger-imports-no-domain");
    expect(ledger?.line).toBe(11);
    expect(formatViolations(violations)).toContain('server/ledger/post-journal.ts:11  imports "../treasury/low-balance" (server/treasury/low-balance.ts)');
    expect(formatViolations([])).toBe("no import-rule violations");
  });
});
