import { z } from "zod";
import { EXAMPLE_DEPOSIT_ID } from "../deposits/deposit-id";
import { gatewayInput, invoiceCreateInput, invoiceIdInput, ticketInput, depositId } from "../deposits/schemas";
import { BalanceResponse, EventList, InvoiceCancelled, InvoiceCreated, InvoiceStatus, Topup, TopupMethods } from "./deposit-schemas";
import { getAndPost, restOperation, type ApiOperation } from "./operation";

const exampleId = EXAMPLE_DEPOSIT_ID;
const topupExample = {
  success: true,
  id: exampleId,
  method: "VA_BNI",
  amount: 50000,
  unique_code: null,
  fee: 4000,
  total: 54000,
  credited_amount: 50000,
  status: "pending",
  va_number: "8808123456789012",
  qris_string: null,
  qris_image: null,
  bank: null,
  expired_at: "2025-01-02 12:00:00",
  created_at: "2025-01-01 12:00:00",
  paid_at: null,
};
const invoiceExample = {
  success: true,
  invoice_id: exampleId,
  amount: 10000,
  fee: 70,
  total: 10070,
  qris_image: `http://localhost:3000/api/v1/invoice/${exampleId}/qr.png`,
  qris_string: "00020101021226580012ID.SALDO.WWW0119936000081234567890102150SALDO000000000103UMI520460125303360540510070…6304ABCD",
  expired_at: "2025-01-01 12:00:00",
};

const idInPath = { pathParams: z.object({ id: depositId }), example: { path: { id: "{{depositId}}" } } };

export const depositOperations: ApiOperation[] = [
  restOperation("getBalance", "get /api/v1/balance", {
    group: "balance",
    summary: { id: "Cek saldo", en: "Check balance" },
    description: { id: "Saldo aktif (tersedia) secara real-time; `pending` adalah dana yang ditahan.", en: "The available balance in real time; `pending` is what holds reserve." },
    response: BalanceResponse,
    responseExample: { balance: 100000, pending: 0 },
  }),
  restOperation("listTopupMethods", "get /api/v1/topup/methods", {
    group: "topup",
    summary: { id: "Metode top-up", en: "Top-up methods" },
    description: { id: "Metode yang aktif untuk akun Anda, dengan biaya dan batas nominal.", en: "The methods active for your account, with fees and limits." },
    response: TopupMethods,
    responseExample: [{ code: "QRIS", name: "QRIS", fee: { flat: 0, percent: 0.7 }, min: 1000, max: 10000000, expiry_minutes: 30 }],
  }),
  ...getAndPost("createTopupTicket", "/api/v1/topup/ticket", {
    group: "topup",
    summary: { id: "Top-up transfer bank (tiket)", en: "Bank transfer top-up (ticket)" },
    description: { id: "Membalas nominal unik (nominal + kode 1–999) dan rekening tujuan. Transfer tepat sejumlah `total`.", en: "Answers a unique amount (amount + a 1–999 code) and the destination account. Transfer exactly `total`." },
    body: ticketInput,
    example: { body: { amount: 100000 } },
    response: Topup,
    responseExample: { ...topupExample, method: "BANK_TRANSFER", amount: 100000, unique_code: 123, fee: 0, total: 100123, credited_amount: 100123, va_number: null, bank: { bank_name: "BCA", account_number: "8730123456", account_name: "PT Saldo Digital Indonesia" } },
    errors: [400, 409],
  }),
  ...getAndPost("createTopupPaymentGateway", "/api/v1/topup/payment-gateway", {
    group: "topup",
    summary: { id: "Top-up VA / QRIS", en: "VA / QRIS top-up" },
    description: { id: "Membuat virtual account atau QRIS dinamis. Hasil akhir dikirim lewat callback.", en: "Creates a virtual account or a dynamic QRIS. The outcome arrives by callback." },
    body: gatewayInput,
    example: { body: { method: "VA_BNI", amount: 50000 } },
    response: Topup,
    responseExample: topupExample,
    errors: [400, 409],
  }),
  restOperation("getTopup", "get /api/v1/topup/{id}", {
    group: "topup",
    summary: { id: "Status top-up", en: "Top-up status" },
    description: { id: "Status terkini sebuah top-up.", en: "A top-up's current state." },
    ...idInPath,
    response: Topup,
    responseExample: topupExample,
    errors: [404],
  }),
  ...getAndPost("createInvoice", "/api/v1/invoice/create", {
    group: "invoices",
    summary: { id: "Membuat invoice deposit", en: "Create a deposit invoice" },
    description: { id: "Buat tagihan/invoice deposit baru untuk menghasilkan QRIS.", en: "Creates a deposit invoice and its dynamic QRIS." },
    body: invoiceCreateInput,
    example: { body: { amount: 10000 } },
    response: InvoiceCreated,
    responseExample: invoiceExample,
    errors: [400, 409],
  }),
  restOperation("getInvoiceStatus", "get /api/v1/invoice/status", {
    group: "invoices",
    summary: { id: "Cek status invoice", en: "Invoice status" },
    description: { id: "Cek status pembayaran invoice (pending, paid, expired).", en: "Payment status of an invoice (pending, paid, expired)." },
    query: invoiceIdInput,
    example: { query: { invoice_id: "{{depositId}}" } },
    response: InvoiceStatus,
    responseExample: { ...invoiceExample, status: "pending", created_at: "2025-01-01 11:30:00", paid_at: null },
    errors: [400, 404],
  }),
  restOperation("cancelInvoice", "post /api/v1/invoice/cancel", {
    group: "invoices",
    summary: { id: "Batalkan invoice", en: "Cancel an invoice" },
    description: {
      id: "Membatalkan invoice yang masih pending; invoice menjadi expired. Invoice yang sudah paid tidak bisa dibatalkan (400).",
      en: "Cancels a pending invoice; it becomes expired. A paid invoice cannot be cancelled (400).",
    },
    body: invoiceIdInput,
    example: { body: { invoice_id: "{{depositId}}" } },
    response: InvoiceCancelled,
    responseExample: { success: true, invoice_id: exampleId, status: "expired", message: "Invoice berhasil dibatalkan" },
    errors: [400, 404],
  }),
  ...(["png", "svg"] as const).map((format) =>
    restOperation(`getInvoiceQr${format === "png" ? "Png" : "Svg"}`, `get /api/v1/invoice/{id}/qr.${format}`, {
      group: "invoices",
      summary: { id: `Gambar QRIS (${format.toUpperCase()})`, en: `QRIS image (${format.toUpperCase()})` },
      description: { id: "Gambar QR untuk `qris_image`. Publik: id invoice tidak bisa ditebak.", en: "The QR image behind `qris_image`. Public: the invoice id is unguessable." },
      auth: "public",
      ...idInPath,
      response: z.string().meta({ format: "binary" }),
      responseContentType: format === "png" ? "image/png" : "image/svg+xml",
      responseExample: null,
      errors: [404],
    }),
  ),
  restOperation("listEvents", "get /api/v1/events", {
    group: "events",
    summary: { id: "Daftar event (polling)", en: "List events (polling)" },
    description: {
      id: "Event Anda setelah `after`, berurutan menurut `seq` (urutan commit: event yang commit belakangan tidak pernah muncul di belakang kursor yang sudah Anda lewati), untuk mengejar callback yang terlewat. Event contoh (Kirim event tes, konsol dokumentasi) tidak termasuk. Event disimpan selama masa retensi (bawaan 30 hari).",
      en: "Your events after `after`, in `seq` order (commit order: an event that commits late never appears behind a cursor you already passed), to catch up on missed callbacks. Samples (Send test event, the docs console) are left out. Events are kept for the retention period (30 days by default).",
    },
    query: z.object({ after: z.string().optional().meta({ description: "An event id (as `next_after` returns it) or an event's `seq`; omit to start at the beginning. An id purged by retention is not found (404); a `seq` always works" }), limit: z.string().regex(/^\d+$/).optional().meta({ description: "1–100, default 50", example: "50" }) }),
    example: { query: { limit: "10" } },
    response: EventList,
    responseExample: { success: true, data: [{ id: "evt_3f2c9a", seq: 42, type: "invoice.paid", created_at: "2025-01-15T10:30:00.000Z", data: { invoice_id: exampleId, status: "Success" }, delivery_status: "delivered" }], next_after: "evt_3f2c9a", has_more: false },
    errors: [400, 404],
  }),
];
