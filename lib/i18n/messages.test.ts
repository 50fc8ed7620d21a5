import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import id from "../../messages/id.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("English has exactly the keys Indonesian has", () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });
  it("no message is empty, and placeholders match across languages", () => {
    const flatten = (m: unknown) => Object.fromEntries(keys(m).map((k) => [k, k.split(".").reduce<any>((o, p) => o[p], m)]));
    const fid = flatten(id);
    const fen = flatten(en);
    for (const key of Object.keys(fid)) {
      expect(String(fid[key]).trim(), key).not.toBe("");
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(fen[key]), key).toEqual(vars(fid[key]));
    }
  });
});
