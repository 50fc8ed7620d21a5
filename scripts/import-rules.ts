// The layer rules of DESIGN.md ("Layers (what may import what)"), checked on import specifiers.
// Every import, `export … from`, `import x = require()`, `require()` and `import("…")` with a
// literal specifier in a .ts/.tsx file is resolved (relative paths and tsconfig.json `paths`
// aliases) to a path under the root, or read as a package name, and held against four rules:
//
//   ledger-imports-no-domain   server/ledger/** imports only server/ledger/**, server/db(.ts),
//                              server/db-url, server/errors, server/env, server/generated/**,
//                              lib/** and packages: the ledger knows no domain above it.
//   app-no-db                  app/** never imports server/db, server/db-migrate,
//                              server/generated/**, @prisma/* or .prisma/*: pages and route
//                              handlers go through use cases, never through Prisma.
//   provider-adapter-isolated  files in a subfolder of server/providers (an adapter such as
//                              server/providers/sandbox/) import only server/providers/types,
//                              their own folder, server/env, server/errors, lib/**,
//                              server/qris/**, server/crypto/** and packages: never a domain
//                              module, the db or the provider registry.
//   routers-no-db              server/trpc/routers/** never imports server/db,
//                              server/db-migrate or server/generated/**: routers call use cases.
//
// Type-only imports count like any other: `import type` still ties a layer to the one it names.
// Test files (*.test.ts, *.test.tsx) are exempt from the ledger, adapter and router rules —
// a test may set up data through any domain or the database. They are not exempt from
// app-no-db: tests do not belong in app/, and one there must not reach Prisma either.
//
// Run on its own: `npx tsx scripts/import-rules.ts [rootDir]` prints the violations and exits 1
// when there are any. tests/import-rules.test.ts runs it in `npm test`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

export type ImportRule = "ledger-imports-no-domain" | "app-no-db" | "provider-adapter-isolated" | "routers-no-db";

export type Violation = {
  rule: ImportRule;
  /** The importing file, relative to the root, with forward slashes. */
  file: string;
  line: number;
  /** The specifier as written. */
  specifier: string;
  /** What it resolves to: a root-relative path (without extension when no file matched) or `package:<name>`. */
  target: string;
  message: string;
};

export type CheckOptions = {
  /** Root-relative folders not to scan (besides node_modules, dot-folders and build output). */
  exclude?: string[];
};

/** Folders never scanned: dependencies, build output, generated code, and the checker's own fixtures. */
const ALWAYS_SKIPPED = ["node_modules", "server/generated", "test-results", "playwright-report", "tests/fixtures"];
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const TEST_FILE = /\.test\.(ts|tsx|mts|cts)$/;
const RESOLVE_SUFFIXES = ["", ".ts", ".tsx", ".mts", ".cts", ".d.ts", ".js", ".mjs", "/index.ts", "/index.tsx", "/index.js"];

type Target = { kind: "package"; name: string } | { kind: "path"; path: string; module: string };

type Alias = { prefix: string; suffix: string; targets: string[] };

export function checkImportRules(rootDir: string, options: CheckOptions = {}): Violation[] {
  const root = path.resolve(rootDir);
  const aliases = readAliases(root);
  const violations: Violation[] = [];
  for (const file of listSourceFiles(root, options)) {
    const text = readFileSync(path.join(root, file), "utf8");
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const specifier = imported.fileName;
      const target = resolveSpecifier(root, file, specifier, aliases);
      const broken = ruleBroken(file, target);
      if (!broken) continue;
      violations.push({
        rule: broken.rule,
        file,
        line: lineOf(text, imported.pos),
        specifier,
        target: target.kind === "package" ? `package:${target.name}` : target.path,
        message: broken.message,
      });
    }
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.specifier.localeCompare(b.specifier));
}

/** One line per violation, grouped by rule, for a failure message or the console. */
export function formatViolations(violations: Violation[]): string {
  if (violations.length === 0) return "no import-rule violations";
  const lines = [`${violations.length} import-rule violation${violations.length === 1 ? "" : "s"}:`];
  const rules = [...new Set(violations.map((v) => v.rule))];
  for (const rule of rules) {
    lines.push(`  [${rule}]`);
    for (const v of violations.filter((x) => x.rule === rule)) lines.push(`    ${v.file}:${v.line}  imports "${v.specifier}" (${v.target}) — ${v.message}`);
  }
  return lines.join("\n");
}

// ── the rules ────────────────────────────────────────────────────────────────────────────────

function ruleBroken(file: string, target: Target): { rule: ImportRule; message: string } | null {
  const isTest = TEST_FILE.test(file);

  if (under(file, "app")) {
    if (target.kind === "package" && isPrismaPackage(target.name)) return { rule: "app-no-db", message: "app/ must not use Prisma; call a use case in server/<domain>" };
    if (target.kind === "path" && isDbModule(target)) return { rule: "app-no-db", message: "app/ must not import the database; call a use case in server/<domain>" };
    return null;
  }

  if (isTest || target.kind === "package") return null;

  if (under(file, "server/ledger")) {
    const allowed =
      under(target.module, "server/ledger") ||
      ["server/db", "server/db-url", "server/errors", "server/env"].includes(target.module) ||
      under(target.module, "server/generated") ||
      under(target.module, "lib");
    return allowed ? null : { rule: "ledger-imports-no-domain", message: "the ledger imports no domain; let the use case that moved the money call it" };
  }

  const adapter = /^server\/providers\/([^/]+)\//.exec(file);
  if (adapter) {
    const own = `server/providers/${adapter[1]}`;
    const allowed =
      under(target.module, own) ||
      ["server/providers/types", "server/env", "server/errors"].includes(target.module) ||
      under(target.module, "lib") ||
      under(target.module, "server/qris") ||
      under(target.module, "server/crypto");
    return allowed ? null : { rule: "provider-adapter-isolated", message: "a provider adapter sees only server/providers/types, its own folder, env, errors, lib, qris and crypto" };
  }

  if (under(file, "server/trpc/routers") && isDbModule(target)) {
    return { rule: "routers-no-db", message: "routers stay thin: call a use case instead of the database" };
  }
  return null;
}

function isDbModule(target: { module: string }): boolean {
  return target.module === "server/db" || target.module === "server/db-migrate" || under(target.module, "server/generated");
}

function isPrismaPackage(name: string): boolean {
  return name.startsWith("@prisma/") || name === ".prisma" || name === "prisma";
}

function under(p: string, dir: string): boolean {
  return p === dir || p.startsWith(`${dir}/`);
}

// ── resolution ───────────────────────────────────────────────────────────────────────────────

function resolveSpecifier(root: string, file: string, specifier: string, aliases: Alias[]): Target {
  if (specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")) {
    const absolute = specifier.startsWith("/") ? specifier : path.resolve(root, path.dirname(file), specifier);
    return pathTarget(root, absolute);
  }
  for (const alias of aliases) {
    if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix) || specifier.length < alias.prefix.length + alias.suffix.length) continue;
    const star = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
    const candidates = alias.targets.map((t) => t.replace("*", star));
    const found = candidates.find((candidate) => existingFile(candidate));
    return pathTarget(root, found ?? candidates[0]!);
  }
  const parts = specifier.split("/");
  return { kind: "package", name: specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]! };
}

/** A root-relative target for an absolute path, matched to a file when one exists. */
function pathTarget(root: string, absolute: string): Target {
  const file = existingFile(absolute);
  const rel = toPosix(path.relative(root, file ?? absolute));
  const module = rel.replace(/\.(d\.ts|ts|tsx|mts|cts|js|jsx|mjs|cjs)$/, "").replace(/\/index$/, "");
  return { kind: "path", path: rel, module };
}

function existingFile(absolute: string): string | undefined {
  const bases = [absolute, absolute.replace(/\.(js|jsx|mjs|cjs)$/, "")];
  for (const base of bases) {
    for (const suffix of RESOLVE_SUFFIXES) {
      const candidate = base + suffix;
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
  }
  return undefined;
}

/** tsconfig.json `compilerOptions.paths`, as absolute target patterns. */
function readAliases(root: string): Alias[] {
  const configFile = path.join(root, "tsconfig.json");
  if (!existsSync(configFile)) return [];
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(`import rules: cannot read ${configFile}: ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`);
  const options = (config as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } }).compilerOptions ?? {};
  const base = path.resolve(root, options.baseUrl ?? ".");
  return Object.entries(options.paths ?? {})
    .map(([pattern, targets]) => {
      const star = pattern.indexOf("*");
      return {
        prefix: star < 0 ? pattern : pattern.slice(0, star),
        suffix: star < 0 ? "" : pattern.slice(star + 1),
        targets: targets.map((t) => path.resolve(base, t)),
      };
    })
    .sort((a, b) => b.prefix.length - a.prefix.length);
}

// ── files ────────────────────────────────────────────────────────────────────────────────────

/** The root-relative .ts/.tsx files the check reads. */
export function listSourceFiles(rootDir: string, options: CheckOptions = {}): string[] {
  const skipped = new Set([...ALWAYS_SKIPPED, ...(options.exclude ?? [])].map((dir) => dir.replace(/\/+$/, "")));
  return sourceFiles(path.resolve(rootDir), "", skipped);
}

function sourceFiles(root: string, dir: string, skipped: Set<string>): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.name.startsWith(".") || skipped.has(rel) || skipped.has(entry.name)) continue;
    if (entry.isDirectory()) out.push(...sourceFiles(root, rel, skipped));
    else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out.sort();
}

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const violations = checkImportRules(process.argv[2] ?? process.cwd());
  console.log(formatViolations(violations));
  process.exit(violations.length ? 1 : 0);
}
