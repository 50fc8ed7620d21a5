// Reads a batch payout file — CSV (papaparse) or XLSX (exceljs, first sheet) — into rows of cell
// text with the template's columns (amount, method, account number, account name, note, optional
// reference). Headers are matched loosely (case, spaces, underscores; Indonesian names too), so a
// file saved from a spreadsheet still reads. Rules are not checked here: validate-payout-batch.ts.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "../errors";
import { BATCH_MAX_ROWS, type PayoutBatchRowInput } from "./validate-payout-batch";


const HEADER_ALIASES: Record<string, keyof PayoutBatchRowInput> = {
  amount: "amount",
  nominal: "amount",
  jumlah: "amount",
  method: "method",
  metode: "method",
  accountnumber: "accountNumber",
  nomorrekening: "accountNumber",
  norekening: "accountNumber",
  nomorakun: "accountNumber",
  accountname: "accountName",
  namarekening: "accountName",
  namapemilik: "accountName",
  note: "note",
  catatan: "note",
  reference: "reference",
  referensi: "reference",
};

const headerKey = (text: string) => HEADER_ALIASES[text.toLowerCase().replace(/[^a-z]/g, "")];

function tooMany(): AppError {
  return new AppError("VALIDATION", `File berisi lebih dari ${BATCH_MAX_ROWS.toLocaleString("id-ID")} baris; bagi menjadi beberapa batch / The file has more than ${BATCH_MAX_ROWS.toLocaleString("en-US")} rows; split it into several batches`);
}

function rowsFromTable(table: string[][]): PayoutBatchRowInput[] {
  const [header, ...body] = table;
  if (!header) throw new AppError("VALIDATION", "File kosong / The file is empty");
  const columns = header.map((h) => headerKey(h ?? ""));
  const missing = (["amount", "method", "accountNumber", "accountName"] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new AppError("VALIDATION", `Kolom wajib tidak ada: ${missing.join(", ")}; pakai template / Required columns missing: ${missing.join(", ")}; use the template`);
  }
  const rows: PayoutBatchRowInput[] = [];
  for (const cells of body) {
    // Blank lines (a trailing newline, an emptied spreadsheet row) are not rows.
    if (cells.every((c) => !c || !String(c).trim())) continue;
    if (rows.length >= BATCH_MAX_ROWS) throw tooMany();
    const row: PayoutBatchRowInput = { amount: "", method: "", accountNumber: "", accountName: "", note: "", reference: "" };
    columns.forEach((key, i) => {
      if (key) row[key] = String(cells[i] ?? "").trim();
    });
    rows.push(row);
  }
  if (rows.length === 0) throw new AppError("VALIDATION", "File tidak berisi baris / The file has no rows");
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (value instanceof Date) return value.toISOString();
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    return "";
  }
  return String(value);
}

export async function parsePayoutFile(input: { fileName: string; content: Uint8Array }): Promise<PayoutBatchRowInput[]> {
  const name = input.fileName.toLowerCase();
  if (name.endsWith(".xlsx")) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(input.content) as unknown as ArrayBuffer);
    } catch {
      throw new AppError("VALIDATION", "File XLSX tidak dapat dibaca / The XLSX file cannot be read");
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError("VALIDATION", "File kosong / The file is empty");
    if (sheet.rowCount > BATCH_MAX_ROWS + 1 + 100) throw tooMany();
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as ExcelJS.CellValue[];
      table.push(values.slice(1).map(cellText));
    });
    return rowsFromTable(table);
  }
  if (name.endsWith(".csv") || name.endsWith(".txt")) {
    const text = new TextDecoder("utf-8").decode(input.content).replace(/^\uFEFF/, "");
    // Semicolons too: a spreadsheet in an Indonesian locale saves CSV with them.
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t"] });
    if (parsed.data.length > BATCH_MAX_ROWS + 1) throw tooMany();
    return rowsFromTable(parsed.data);
  }
  throw new AppError("VALIDATION", "Format file harus CSV atau XLSX / The file must be CSV or XLSX");
}
