// Issue 15: payment links (merchant → payer), documented from the schemas that validate them.
import { z } from "zod";
import { EXAMPLE_DEPOSIT_ID } from "../deposits/deposit-id";
import { EXAMPLE_PAYMENT_LINK_ID } from "../payment-links/link-id";
import { paymentLinkCreateInput, paymentLinkId } from "../payment-links/schemas";
import { Topup } from "./deposit-schemas";
import { restOperation, type ApiOperation } from "./operation";
import { IsoTime, Rupiah } from "./shared";

const LinkPayment = Topup.omit({ success: true }).meta({ id: "PaymentLinkPayment", description: "A payment of the link, as `GET /api/v1/topup/{id}` shows it" });

export const PaymentLink = z
  .object({
    success: z.literal(true),
    id: z.string().meta({ example: EXAMPLE_PAYMENT_LINK_ID }),
    url: z.string().url().meta({ description: "The payer's page: QRIS or a VA, with the status live", example: `http://localhost:3000/l/${EXAMPLE_PAYMENT_LINK_ID}` }),
    status: z.enum(["active", "inactive", "expired", "completed"]).meta({ description: "`completed`: a single-use link was paid; `inactive`: switched off in the portal" }),
    description: z.string(),
    amount: Rupiah.nullable().meta({ description: "The fixed amount; null for an open amount" }),
    min_amount: Rupiah.nullable(),
    max_amount: Rupiah.nullable(),
    single_use: z.boolean(),
    expires_at: IsoTime.nullable(),
    created_at: IsoTime,
    completed_at: IsoTime.nullable(),
    paid_count: z.number().int().min(0).meta({ description: "Paid payments" }),
    total_paid: Rupiah.meta({ description: "What the paid payments credited to your balance (fees are paid by the payer)" }),
    payments: z.array(LinkPayment).optional().meta({ description: "GET only: the payments, newest first (the latest 100)" }),
  })
  .meta({ id: "PaymentLink" });

const linkExample = {
  success: true,
  id: EXAMPLE_PAYMENT_LINK_ID,
  url: `http://localhost:3000/l/${EXAMPLE_PAYMENT_LINK_ID}`,
  status: "active",
  description: "Kaos Saldo, ukuran L",
  amount: 150000,
  min_amount: null,
  max_amount: null,
  single_use: false,
  expires_at: "2026-12-31T16:59:00.000Z",
  created_at: "2026-12-01T03:00:00.000Z",
  completed_at: null,
  paid_count: 0,
  total_paid: 0,
};

const paymentExample = {
  id: EXAMPLE_DEPOSIT_ID,
  method: "QRIS",
  amount: 150000,
  unique_code: null,
  fee: 1050,
  total: 151050,
  credited_amount: 150000,
  status: "paid",
  va_number: null,
  qris_string: "00020101021226…6304ABCD",
  qris_image: `http://localhost:3000/api/v1/invoice/${EXAMPLE_DEPOSIT_ID}/qr.png`,
  bank: null,
  expired_at: "2026-12-01 10:30:00",
  created_at: "2026-12-01 10:00:00",
  paid_at: "2026-12-01 10:02:13",
};

export const paymentLinkOperations: ApiOperation[] = [
  restOperation("createPaymentLink", "post /api/v1/payment-links", {
    group: "paymentLinks",
    summary: { id: "Buat link pembayaran", en: "Create a payment link" },
    description: {
      id: "Nominal tetap (`amount`) atau terbuka (`min_amount` + `max_amount`), deskripsi, kedaluwarsa opsional, sekali atau berkali-kali pakai. Bagikan `url`: pembayar memilih QRIS atau VA dan melihat statusnya langsung. Setiap pembayaran menambah saldo Anda dan mengirim callback `topup.success` (dengan `payment_link_id`) serta `payment_link.paid`. Biaya metode dibayar pembayar.",
      en: "A fixed (`amount`) or open amount (`min_amount` + `max_amount`), a description, an optional expiry, single or multiple use. Share `url`: the payer picks QRIS or a VA and watches the status live. Each payment credits your balance and raises `topup.success` (with `payment_link_id`) and `payment_link.paid`. The method's fee is paid by the payer.",
    },
    body: paymentLinkCreateInput,
    example: { body: { amount: 150000, description: "Kaos Saldo, ukuran L", single_use: false } },
    response: PaymentLink,
    responseExample: linkExample,
    errors: [400, 409],
  }),
  restOperation("getPaymentLink", "get /api/v1/payment-links/{id}", {
    group: "paymentLinks",
    summary: { id: "Status link pembayaran", en: "Payment link status" },
    description: {
      id: "Link beserta pembayarannya dan totalnya. Link milik merchant lain: 404.",
      en: "The link with its payments and totals. Another merchant's link: 404.",
    },
    pathParams: z.object({ id: paymentLinkId }),
    example: { path: { id: "{{paymentLinkId}}" } },
    response: PaymentLink,
    responseExample: { ...linkExample, paid_count: 1, total_paid: 150000, payments: [paymentExample] },
    errors: [404],
  }),
];
