import { describe, expect, it } from "vitest";
import { formatRupiah, formatSignedRupiah, formatWib } from "./format";

describe("formatRupiah", () => {
  it("groups thousands with dots and prefixes Rp", () => {
    expect(formatRupiah(1_000_000n)).toBe("Rp 1.000.000");
    expect(formatRupiah(0)).toBe("Rp 0");
    expect(formatRupiah("999")).toBe("Rp 999");
    expect(formatRupiah(-5_000n)).toBe("-Rp 5.000");
    expect(formatRupiah(1_000_000_000_000n)).toBe("Rp 1.000.000.000.000");
  });
  it("keeps precision beyond 2^53", () => {
    expect(formatRupiah(9_007_199_254_740_993n)).toBe("Rp 9.007.199.254.740.993");
  });
  it("signs ledger lines", () => {
    expect(formatSignedRupiah(10_000n)).toBe("+Rp 10.000");
    expect(formatSignedRupiah(-10_000n)).toBe("-Rp 10.000");
  });
});

describe("formatWib", () => {
  it("shows Jakarta time (UTC+7) whatever the input zone", () => {
    expect(formatWib(new Date("2026-11-21T17:30:00Z"), "en")).toBe("22 Nov 2026, 00:30 WIB");
    expect(formatWib("2026-01-01T00:00:00Z", "id")).toMatch(/^01 Jan 2026.*07.00 WIB$/);
  });
});

describe("formatWibSql", () => {
  it("prints seed 003's local format in WIB", async () => {
    const { formatWibSql } = await import("./format");
    expect(formatWibSql(new Date("2025-01-01T05:00:00Z"))).toBe("2025-01-01 12:00:00");
    expect(formatWibSql(new Date("2025-12-31T17:30:05Z"))).toBe("2026-01-01 00:30:05");
  });
});
