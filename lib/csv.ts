// CSV for exports (statements, and any list a person downloads). One cell rule for all of them:
// quote a cell holding a comma, quote or line break; and neutralise spreadsheet formulas — a
// text cell starting with = + - @ (or a tab or carriage return, which some spreadsheets skip
// before reading a formula) gets a leading apostrophe, so `=HYPERLINK(…)` in a description a
// merchant or payer typed is shown as text, never run (CSV/formula injection, OWASP). Numbers
// are written as they are: they cannot hold a formula, and a negative amount stays a number.
export type CsvValue = string | number | bigint | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return value.toString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first one the header) as CSV text with CRLF line ends, as RFC 4180 writes it. */
export function toCsv(rows: CsvValue[][]): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
