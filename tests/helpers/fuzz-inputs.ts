// Generated bad input for the fuzz tests (fast-check): wrong types, missing fields, huge /
// negative / fractional / NaN numbers, numeric strings with spaces, 10 kB strings, unicode and
// control characters, impossible dates, nested objects and arrays where scalars belong,
// prototype-pollution keys — and, field by field, plausible values read off the zod schema a
// procedure or operation declares, so that some inputs get past validation into the use case.
import fc from "fast-check";

type Def = { type: string } & Record<string, any>;
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** Extra plausible values by field name (ids that exist, product codes, phone numbers…). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

const TEN_KB = "A".repeat(10_240);

export const NASTY_STRINGS: string[] = [
  "",
  " ",
  "   ",
  " 100 ",
  "1 000",
  "10 000",
  "\t10000\n",
  "1e5",
  "1e400",
  "0x10",
  "0b11",
  "-1",
  "-0",
  "+5",
  "1.5",
  "10000.0",
  "1,000",
  "1.000.000",
  "NaN",
  "Infinity",
  "-Infinity",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "99999999999999999999999999",
  "9".repeat(400),
  "０１２３",
  "١٢٣",
  "2024-13-45",
  "2024-02-30",
  "2023-02-29",
  "0000-00-00",
  "9999-99-99",
  "1999-12-31",
  "3000-01-01",
  "2024-1-1",
  "31/12/2024",
  "2024-01-01T00:00:00Z",
  "' OR 1=1 --",
  "\"; DROP TABLE \"Deposit\"; --",
  "%00",
  "%ZZ",
  "\u0000",
  "abc\u0000def",
  "\u0007\u0008\u001b[31m",
  "\u202e\u202d",
  "\ud800",
  "\udfff\ud800",
  "\uffff\ufffe",
  "\u200b",
  "🙂".repeat(50),
  "𝕏𝔂𝔃",
  "e\u0301\u0301\u0301",
  "\r\n\r\n",
  "<script>alert(1)</script>",
  "<![CDATA[x]]>",
  "&amp;&lt;&#0;",
  "../../etc/passwd",
  "..%2f..%2f",
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  TEN_KB,
  "🙂".repeat(2_600),
  "0".repeat(64),
  "x".repeat(65),
];

export const NASTY_NUMBERS: number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  -10_000,
  0.5,
  0.1 + 0.2,
  10_000.5,
  1e-7,
  5e-324,
  1e21,
  1e308,
  -1e308,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  1_000_000_000_001,
];

const impossibleDate = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: -1, max: 99 }), fc.integer({ min: -1, max: 99 }))
  .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("0", "1", "9", " ", ".", ",", "-", "+", "e"), minLength: 1, maxLength: 14 }) },
  { weight: 1, arbitrary: fc.integer().map((n) => ` ${n} `) },
  { weight: 1, arbitrary: impossibleDate },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }) },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
);

const nastyBigint = fc.oneof(fc.constantFrom(0n, -1n, -10_000n, 10n ** 13n, 10n ** 30n, 2n ** 63n, -(2n ** 63n)), fc.bigInt());

const nastyDate = fc.constantFrom(
  () => new Date(Number.NaN),
  () => new Date(8.64e15),
  () => new Date(-8.64e15),
  () => new Date(0),
  () => new Date("2024-13-45"),
).map((f) => f());

/** Objects that try to pollute a prototype, built fresh each time (JSON.parse makes `__proto__` an own key). */
const pollution: fc.Arbitrary<unknown> = fc
  .constantFrom(
    () => JSON.parse('{"__proto__":{"polluted":"yes","role":"ADMIN","isAdmin":true}}') as unknown,
    () => JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as unknown,
    () => JSON.parse('{"__proto__":{"__proto__":{"polluted":"yes"}}}') as unknown,
    () => Object.assign(Object.create(null) as object, { toString: "x", valueOf: 1, hasOwnProperty: "y" }) as unknown,
    () => JSON.parse('[{"__proto__":{"polluted":"yes"}}]') as unknown,
  )
  .map((f) => f());

const deepNesting = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

export const badScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 4, arbitrary: nastyNumber },
  { weight: 1, arbitrary: nastyBigint },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: nastyDate },
);

export const badStructure: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom([], {}, [[]], [null], [""], { "": "" }).map((v) => structuredClone(v)),
  fc.array(badScalar, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), badScalar, { maxKeys: 4 }),
  pollution,
  deepNesting,
  fc.anything({ maxDepth: 2, maxKeys: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true }),
);

/** Anything that should not be accepted where a well-formed value is expected. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: badScalar }, { weight: 2, arbitrary: badStructure });

/** Keys that do not belong in any input: prototype pollution, empty, huge, odd characters. */
export const EXTRA_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "", "x".repeat(1_000), "a.b", "a[b]", "$where", "id\u0000"];

/**
 * URLs that reach nobody: the discard port on loopback (refused at once; callbacks to localhost
 * are allowed under SANDBOX=1), a reserved TLD, and addresses an SSRF guard must refuse — never a
 * random internet host, which a callback test would really call.
 */
export const SAFE_URLS = fc.constantFrom(
  "http://127.0.0.1:9/hook",
  "http://localhost:9/callback",
  "https://example.invalid/callback",
  "http://169.254.169.254/latest/meta-data/",
  "http://[::1]:9/",
  "http://10.0.0.1/hook",
  "http://0.0.0.0:9/",
  "https://user:pass@127.0.0.1:9/x",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "ftp://127.0.0.1/",
  "http://127.0.0.1:9/" + "a".repeat(2_000),
);

const plausibleString = fc.oneof(
  fc.constantFrom(
    "abc",
    "x",
    "081234567890",
    "0817777215",
    "628123456789",
    "12345678901",
    "1234567890",
    "2024-01-31",
    "2025-02-28",
    "123456",
    "https://example.invalid/hook",
    "http://localhost:9/x",
    "Budi Santoso",
    "dana",
    "QRIS",
    "BANK_TRANSFER",
    "10000",
    "50000",
  ),
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 16 }),
  fc.stringMatching(/^[a-z0-9_-]{8,24}$/),
);
const plausibleNumber = fc.oneof(fc.constantFrom(1, 2, 10, 20, 50, 100, 10_000, 25_000, 50_000, 100_000), fc.integer({ min: 0, max: 1_000_000 }));
const plausibleBigint = plausibleNumber.map((n) => BigInt(n));
const plausibleScalar = fc.oneof(plausibleString, plausibleNumber, fc.boolean());

const MAX_DEPTH = 4;
/** A field left out of a generated object. */
const OMIT = Symbol("omit");

/** A value the schema might well accept (and often does): its enums, literals and types, and the hints by field name. */
export function plausibleFor(schema: unknown, key?: string, hints: Hints = {}, depth = 0): fc.Arbitrary<unknown> {
  const structural = structuralPlausible(schema, hints, depth);
  const hint = key !== undefined && Object.hasOwn(hints, key) ? hints[key] : undefined;
  return hint ? fc.oneof({ weight: 2, arbitrary: hint }, { weight: 1, arbitrary: structural }) : structural;
}

function innerOf(def: Def): unknown {
  if (def.type === "pipe") {
    // A preprocess or a `z.unknown().pipe(check)` says more on its way out than on its way in.
    const inner = unwrap(def.in);
    return inner && ["unknown", "any", "transform"].includes(inner.type) ? def.out : def.in;
  }
  return def.innerType ?? def.in ?? def.schema;
}

/** The def under optional/nullable/default/pipe wrappers. */
function unwrap(schema: unknown): Def | undefined {
  let def = defOf(schema);
  for (let i = 0; def && i < 10; i++) {
    if (!["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional", "pipe", "lazy"].includes(def.type)) break;
    def = defOf(def.type === "lazy" ? def.getter() : innerOf(def));
  }
  return def;
}

function structuralPlausible(schema: unknown, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (!def || depth > MAX_DEPTH) return plausibleScalar;
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "catch":
    case "nonoptional":
    case "readonly":
      return fc.oneof({ weight: 4, arbitrary: plausibleFor(def.innerType, undefined, hints, depth + 1) }, { weight: 1, arbitrary: fc.constant(undefined) });
    case "nullable":
      return fc.oneof({ weight: 4, arbitrary: plausibleFor(def.innerType, undefined, hints, depth + 1) }, { weight: 1, arbitrary: fc.constant(null) });
    case "pipe":
      return plausibleFor(innerOf(def), undefined, hints, depth + 1);
    case "lazy":
      return plausibleFor(def.getter(), undefined, hints, depth + 1);
    case "object":
      return fc.record(Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([k, s]) => [k, plausibleFor(s, k, hints, depth + 1)])));
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((o) => plausibleFor(o, undefined, hints, depth + 1)));
    case "intersection":
      return fc.tuple(plausibleFor(def.left, undefined, hints, depth + 1), plausibleFor(def.right, undefined, hints, depth + 1)).map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "string":
      return plausibleStringFor(def);
    case "number":
    case "int":
      return fc.oneof({ weight: 3, arbitrary: numberWithin(def) }, { weight: 1, arbitrary: plausibleNumber });
    case "bigint":
      return fc.oneof({ weight: 3, arbitrary: numberWithin(def).map((n) => BigInt(Math.trunc(n))) }, { weight: 1, arbitrary: plausibleBigint });
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01") });
    case "array":
      return fc.array(plausibleFor(def.element, undefined, hints, depth + 1), { minLength: 1, maxLength: 3 });
    case "record":
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), plausibleFor(def.valueType, undefined, hints, depth + 1), { maxKeys: 3 });
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map((s) => plausibleFor(s, undefined, hints, depth + 1)));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    default:
      return plausibleScalar;
  }
}

type CheckDef = { check?: string; format?: string; pattern?: RegExp; value?: number | bigint; inclusive?: boolean; minimum?: number; maximum?: number };
const checksOf = (def: Def): CheckDef[] => ((def.checks ?? []) as { _zod?: { def?: CheckDef } }[]).map((c) => c._zod?.def ?? {});

/** A string in the schema's format (uuid, email, url, a regex) and length, when it declares one. */
function plausibleStringFor(def: Def): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const format = (def.format as string | undefined) ?? checks.find((c) => c.check === "string_format")?.format;
  const pattern = (def.pattern as RegExp | undefined) ?? checks.find((c) => c.check === "string_format")?.pattern;
  const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
  const max = checks.find((c) => c.check === "max_length")?.maximum;
  let shaped: fc.Arbitrary<string> | undefined;
  if (format === "uuid" || format === "guid") shaped = fc.uuid();
  else if (format === "email") shaped = fc.emailAddress();
  else if (format === "url") shaped = SAFE_URLS;
  else if (pattern) {
    try {
      shaped = fc.stringMatching(pattern);
    } catch {
      shaped = undefined;
    }
  } else if (min > 0 || max !== undefined) shaped = fc.string({ minLength: Math.min(min, 40), maxLength: Math.max(Math.min(max ?? 40, 40), Math.min(min, 40)) });
  return shaped ? fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: plausibleString }) : plausibleString;
}

/** An integer within the schema's bounds (and on them). */
function numberWithin(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const bound = (name: string, fallback: number) => {
    const c = checks.find((x) => x.check === name);
    if (c?.value === undefined) return fallback;
    const v = Number(c.value);
    return c.inclusive ? v : name === "greater_than" ? v + 1 : v - 1;
  };
  const min = Math.max(bound("greater_than", 0), -1e15);
  const max = Math.min(bound("less_than", 1_000_000), 1e15);
  if (!(min <= max)) return plausibleNumber;
  return fc.oneof(fc.constantFrom(min, max), fc.integer({ min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) }));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Defines every key as an own enumerable property (so `__proto__` is a key, not the prototype). */
export function withOwnKeys(base: Record<string, unknown>, extra?: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of [...Object.entries(base), ...Object.entries(extra ?? {})]) {
    if (v === undefined && !(k in base)) continue;
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The schema's shape, corrupted field by field: each field plausible, bad or left out, objects
 * nested the same way, and sometimes keys that belong nowhere.
 */
export function mutatedFor(schema: unknown, key?: string, hints: Hints = {}, depth = 0): fc.Arbitrary<unknown> {
  const def = unwrap(schema);
  if (def?.type === "object" && depth <= MAX_DEPTH) {
    // Each field: plausible (most often), bad, corrupted inside, or left out.
    const fields = Object.fromEntries(
      Object.entries(def.shape as Record<string, unknown>).map(([k, s]) => [
        k,
        fc.oneof(
          { weight: 10, arbitrary: plausibleFor(s, k, hints, depth + 1) },
          { weight: 3, arbitrary: badValue },
          { weight: 1, arbitrary: mutatedFor(s, k, hints, depth + 1) },
          { weight: 2, arbitrary: fc.constant(OMIT) },
        ),
      ]),
    );
    const extra = fc.option(fc.dictionary(fc.constantFrom(...EXTRA_KEYS), badValue, { maxKeys: 2 }), { nil: undefined, freq: 4 });
    return fc
      .tuple(fc.record(fields), extra)
      .map(([record, more]) => withOwnKeys(Object.fromEntries(Object.entries(record).filter(([, v]) => v !== OMIT)), more));
  }
  if (def?.type === "union" && depth <= MAX_DEPTH) return fc.oneof(...(def.options as unknown[]).map((o) => mutatedFor(o, key, hints, depth + 1)));
  if (def?.type === "array" && depth <= MAX_DEPTH) {
    return fc.oneof(fc.array(fc.oneof(plausibleFor(def.element, undefined, hints, depth + 1), badValue), { maxLength: 4 }), fc.array(plausibleNumber, { minLength: 101, maxLength: 150 }));
  }
  return fc.oneof({ weight: 2, arbitrary: plausibleFor(schema, key, hints, depth) }, { weight: 2, arbitrary: badValue });
}

/** The input for a procedure or operation with these input schemas: mostly the schema corrupted, sometimes wholly wrong, sometimes plausible. */
export function inputFor(schemas: unknown[], hints: Hints = {}): fc.Arbitrary<unknown> {
  if (schemas.length === 0) return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: badValue });
  // Several `.input()` calls merge their objects: fuzz them as one.
  const schema = schemas.length === 1 ? schemas[0] : { _zod: { def: { type: "intersection", left: schemas[0], right: schemas.length === 2 ? schemas[1] : { _zod: { def: { type: "object", shape: {} } } } } } };
  return fc.oneof({ weight: 1, arbitrary: badValue }, { weight: 5, arbitrary: mutatedFor(schema, undefined, hints) }, { weight: 2, arbitrary: plausibleFor(schema, undefined, hints) });
}

/** The field names a schema declares (top level, through wrappers and unions). */
export function fieldNames(schema: unknown): string[] {
  const def = unwrap(schema);
  if (!def) return [];
  if (def.type === "object") return Object.keys(def.shape as object);
  if (def.type === "union") return [...new Set((def.options as unknown[]).flatMap(fieldNames))];
  if (def.type === "intersection") return [...new Set([...fieldNames(def.left), ...fieldNames(def.right)])];
  return [];
}

/** JSON text of a generated value: BigInt as a number (or its digits when too large), Map/Set as arrays. */
export function toJsonText(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    if (v instanceof Map) return [...v.entries()];
    if (v instanceof Set) return [...v.values()];
    return v;
  });
}

/** A query-string value for a generated value, as a client library might send it. */
export function toQueryPairs(key: string, value: unknown, depth = 0): [string, string][] {
  if (value === undefined) return [];
  if (value === null) return [[key, ""]];
  if (typeof value === "string") return [[key, value]];
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return [[key, String(value)]];
  if (value instanceof Date) return [[key, Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()]];
  if (depth > 2) return [[key, toJsonText(value) ?? ""]];
  if (Array.isArray(value)) return value.flatMap((v) => toQueryPairs(key, v, depth + 1));
  if (typeof value === "object") return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => toQueryPairs(`${key}[${k}]`, v, depth + 1));
  return [[key, String(value)]];
}

/** Header values must be ByteStrings without CR, LF or NUL. */
export const headerSafe = (value: string) => value.replace(/[^\u0001-\u00ff]|[\r\n]/g, "?");

/** True if a generated input managed to pollute Object.prototype. */
export function prototypePolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted !== undefined || probe.isAdmin !== undefined || probe.role !== undefined;
}
