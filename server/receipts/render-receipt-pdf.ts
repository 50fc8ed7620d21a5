// The receipt as a PDF, drawn on the server with @react-pdf/renderer: the same figures as the
// HTML receipt, labels in Indonesian and English, and the verification QR code.
import { createElement as h } from "react";
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { formatRupiah, formatWib } from "../../lib/format";
import type { Receipt } from "./find-receipt";

const TITLES: Record<Receipt["kind"], string> = {
  deposit: "Bukti top-up / Top-up receipt",
  withdrawal: "Bukti penarikan / Withdrawal receipt",
  prepaid: "Bukti pembelian prabayar / Prepaid purchase receipt",
};
const REFERENCE_LABELS: Record<Receipt["references"][number]["label"], string> = {
  saldo: "Referensi Saldo / Saldo reference",
  provider: "Referensi penyedia / Provider reference",
  merchant: "Referensi merchant / Merchant reference",
  serial: "Nomor seri / Serial number",
  customer: "Nomor pelanggan / Customer number",
  product: "Produk / Product",
  destination: "Rekening tujuan / Destination account",
};

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 10, fontFamily: "Helvetica", color: "#0f172a" },
  brand: { fontSize: 18, fontFamily: "Helvetica-Bold", color: "#0f766e" },
  title: { fontSize: 13, fontFamily: "Helvetica-Bold", marginTop: 16, marginBottom: 4 },
  status: { fontSize: 10, color: "#15803d", marginBottom: 16 },
  row: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#e2e8f0", paddingVertical: 6 },
  label: { width: "45%", color: "#475569" },
  value: { width: "55%", textAlign: "right" },
  total: { fontFamily: "Helvetica-Bold" },
  footer: { marginTop: 24, flexDirection: "row", alignItems: "center" },
  qr: { width: 96, height: 96, marginRight: 16 },
  note: { color: "#475569", width: 360 },
});

function row(label: string, value: string, bold = false) {
  return h(View, { style: styles.row, key: label }, h(Text, { style: styles.label }, label), h(Text, { style: bold ? [styles.value, styles.total] : styles.value }, value));
}

/** The PDF's bytes (they start with `%PDF`). */
export async function renderReceiptPdf(receipt: Receipt): Promise<Buffer> {
  const qr = await QRCode.toDataURL(receipt.verifyUrl, { errorCorrectionLevel: "M", margin: 1, width: 240 });
  const doc = h(
    Document,
    { title: `${TITLES[receipt.kind]} ${receipt.id}`, author: "Saldo", producer: "Saldo" },
    h(
      Page,
      { size: "A5", style: styles.page },
      h(Text, { style: styles.brand }, "Saldo"),
      h(Text, { style: styles.title }, TITLES[receipt.kind]),
      h(Text, { style: styles.status }, "Berhasil / Successful"),
      row("Merchant", receipt.merchantName),
      row("Metode / Method", receipt.method),
      row("Jumlah / Amount", formatRupiah(receipt.amount)),
      row("Biaya / Fee", formatRupiah(receipt.fee)),
      row("Total", formatRupiah(receipt.total), true),
      ...receipt.references.map((r) => row(REFERENCE_LABELS[r.label], r.value)),
      row("Dibuat / Created", formatWib(receipt.createdAt, "id")),
      row("Selesai / Completed", formatWib(receipt.completedAt, "id")),
      h(
        View,
        { style: styles.footer },
        h(Image, { style: styles.qr, src: qr }),
        h(
          View,
          { style: styles.note },
          h(Text, null, "Pindai kode QR untuk memeriksa keaslian bukti ini. / Scan the QR code to check this receipt is genuine."),
          h(Text, { style: { marginTop: 6, color: "#0f766e" } }, receipt.verifyUrl),
        ),
      ),
    ),
  );
  return renderToBuffer(doc);
}
