import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value !== "object" || value === null) return { [prefix]: String(value) };
  return Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

describe("messages", () => {
  it("English has exactly the keys Indonesian has", async () => {
    const [id, en] = await Promise.all([loadMessages("id"), loadMessages("en")]);
    expect(Object.keys(flatten(en)).sort()).toEqual(Object.keys(flatten(id)).sort());
  });

  it("no message is empty, and placeholders match across languages", async () => {
    const id = flatten(await loadMessages("id"));
    const en = flatten(await loadMessages("en"));
    // A placeholder is `{name}` or `{name, plural|select|number …}`; the words that open a plural's
    // branches (`=0 {There were none}`) are text, and may differ between the languages.
    const vars = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(id)) {
      expect(id[key]!.trim(), key).not.toBe("");
      expect(vars(en[key] ?? ""), key).toEqual(vars(id[key]!));
    }
  });
});
