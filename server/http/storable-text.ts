// Text the database cannot take: a lone UTF-16 surrogate (JSON's "\ud800" escape parses into
// one) fails every Prisma query that carries it, and a NUL character fails PostgreSQL's text
// columns. Neither is meaningful in any field, so every edge (REST, prepaid, tRPC) refuses input
// carrying one as bad input — a 400 / rc 107 — instead of letting the query fail as a 500.

/** True when `value`, or any string or key nested in it, has a lone surrogate or a NUL. */
export function hasUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (!item.isWellFormed() || item.includes("\u0000")) return true;
    } else if (typeof item === "object" && item !== null && !seen.has(item)) {
      seen.add(item);
      if (item instanceof Map) {
        for (const [k, v] of item) stack.push(k, v);
      } else if (item instanceof Set) {
        for (const v of item) stack.push(v);
      } else if (!(item instanceof Date)) {
        for (const key of Object.keys(item)) stack.push(key, (item as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

export const UNSTORABLE_TEXT_MESSAGE = "Teks berisi karakter tidak valid / Text contains invalid characters";
