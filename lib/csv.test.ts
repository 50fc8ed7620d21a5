// Issue 13, item 11 — CSV exports neutralise spreadsheet formulas (CSV injection): a text cell
// starting with = + - @ (or tab / CR) is written as text; numbers stay numbers.
import { describe, expect, it } from "vitest";
import { statementCsv } from "../server/treasury/statements";
import { csvCell, toCsv } from "./csv";

describe("13.11 CSV formula injection", () => {
  it("13.11 prefixes cells that start with = + - @ tab or CR with an apostrophe, and quotes as RFC 4180 does", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","klik")')).toBe(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(csvCell("+62 812")).toBe("'+62 812");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\t=1+1")).toBe("'\t=1+1");
    expect(csvCell("\r=1+1")).toBe(`"'\r=1+1"`);
    expect(csvCell("Top-up VA BNI, Jakarta")).toBe('"Top-up VA BNI, Jakarta"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(-5000n)).toBe("-5000");
    expect(csvCell(null)).toBe("");
    expect(toCsv([["a", "b"], ["=1", 2n]])).toBe("a,b\r\n'=1,2\r\n");
  });

  it("13.11 a statement line whose reference or description holds a formula is exported as text", () => {
    const csv = statementCsv({
      opening: 0n,
      closing: 10_000n,
      truncated: false,
      rows: [{ date: new Date("2026-01-02T03:04:05Z"), type: "DEPOSIT", reference: "=cmd|' /C calc'!A0", description: "@evil", debit: 0n, credit: 10_000n, balance: 10_000n }],
    });
    const line = csv.split("\r\n")[1]!;
    expect(line).toBe("2026-01-02 10:04:05,DEPOSIT,'=cmd|' /C calc'!A0,'@evil,0,10000,10000");
  });
});
