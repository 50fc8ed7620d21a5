// Callback payloads (Saldo → merchant), documented as OpenAPI webhooks.
import { z } from "zod";
import { EXAMPLE_DEPOSIT_ID } from "../deposits/deposit-id";
import { EXAMPLE_PAYMENT_LINK_ID } from "../payment-links/link-id";
import { IsoTime } from "./shared";

export const CALLBACK_HEADERS = z.object({
  "webhook-id": z.string().meta({ description: "The event id; the same on every retry", example: "evt_3f2c9a0b" }),
  "webhook-timestamp": z.string().meta({ description: "Unix seconds", example: "1736937000" }),
  "webhook-signature": z.string().meta({ description: "Standard Webhooks: space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`", example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=" }),
  "x-signature": z.string().meta({ description: "Hex HMAC-SHA512 of the raw body with the whsec_ secret string", example: "9f86d08…" }),
});

const envelope = (type: string, data: z.ZodType, example: Record<string, unknown>) =>
  z
    .object({ id: z.string(), type: z.literal(type), created_at: IsoTime, data })
    .meta({ id: `Callback_${type.replace(".", "_")}`, example: { id: "evt_3f2c9a0b", type, created_at: "2025-01-15T10:30:00.000Z", data: example } });

const depositData = z
  .object({ status: z.enum(["Success", "Expired", "Gagal"]).meta({ description: "Seed 000's words" }), deposit_status: z.enum(["pending", "paid", "expired"]) })
  .catchall(z.unknown());

export const CALLBACKS: { type: string; summary: string; schema: z.ZodType }[] = [
  { type: "topup.success", summary: "A top-up was paid and credited", schema: envelope("topup.success", depositData, { id: EXAMPLE_DEPOSIT_ID, method: "VA_BNI", amount: 50000, total: 54000, status: "Success", deposit_status: "paid" }) },
  { type: "topup.expired", summary: "A top-up expired or was cancelled", schema: envelope("topup.expired", depositData, { id: EXAMPLE_DEPOSIT_ID, status: "Expired", deposit_status: "expired" }) },
  { type: "topup.failed", summary: "A top-up could not be created or collected", schema: envelope("topup.failed", depositData, { id: EXAMPLE_DEPOSIT_ID, status: "Gagal", deposit_status: "expired" }) },
  { type: "invoice.paid", summary: "A QRIS invoice was paid", schema: envelope("invoice.paid", depositData, { invoice_id: EXAMPLE_DEPOSIT_ID, amount: 10000, fee: 70, total: 10070, status: "Success", deposit_status: "paid" }) },
  { type: "invoice.expired", summary: "A QRIS invoice expired or was cancelled", schema: envelope("invoice.expired", depositData, { invoice_id: EXAMPLE_DEPOSIT_ID, status: "Expired", deposit_status: "expired" }) },
  {
    type: "withdraw.success",
    summary: "A withdrawal was paid out",
    schema: envelope("withdraw.success", z.object({ withdraw_id: z.string(), status: z.literal("success") }).catchall(z.unknown()), { withdraw_id: "cm3x0wd", amount: 100000, fee: 1000, total_deduct: 101000, status: "success" }),
  },
  {
    type: "withdraw.rejected",
    summary: "A withdrawal was rejected; the funds are back",
    schema: envelope("withdraw.rejected", z.object({ withdraw_id: z.string(), status: z.literal("rejected") }).catchall(z.unknown()), { withdraw_id: "cm3x0wd", status: "rejected", admin_note: "Nama rekening tidak sesuai" }),
  },
  {
    type: "prepaid.success",
    summary: "A prepaid purchase succeeded (seed 002 shape)",
    schema: envelope("prepaid.success", z.object({ ref_id: z.string(), status: z.literal(1), rc: z.string() }).catchall(z.unknown()), { ref_id: "order001", status: 1, product_code: "xld25000", customer_id: "0817777215", price: 25000, message: "SUCCESS", sn: "1234567890", tr_id: 3482, rc: "00" }),
  },
  {
    type: "prepaid.failed",
    summary: "A prepaid purchase failed; the price is back",
    schema: envelope("prepaid.failed", z.object({ ref_id: z.string(), status: z.literal(2), rc: z.string() }).catchall(z.unknown()), { ref_id: "order002", status: 2, product_code: "xld25000", customer_id: "0817777999", price: 25000, message: "FAILED", tr_id: 3483, rc: "07" }),
  },
  {
    type: "payment_link.paid",
    summary: "A payment link was paid (once per payment; `topup.success` is raised for the same payment too, with the same `id`)",
    schema: envelope(
      "payment_link.paid",
      depositData.extend({ payment_link_id: z.string(), payment_link_status: z.enum(["active", "inactive", "expired", "completed"]), single_use: z.boolean() }),
      { id: EXAMPLE_DEPOSIT_ID, method: "QRIS", amount: 150000, total: 151050, status: "Success", deposit_status: "paid", payment_link_id: EXAMPLE_PAYMENT_LINK_ID, payment_link_status: "active", single_use: false },
    ),
  },
  {
    type: "balance.low",
    summary: "The available balance fell below your threshold (once per dip)",
    schema: envelope("balance.low", z.object({ balance: z.number().int(), threshold: z.number().int(), message: z.string() }), { balance: 45000, threshold: 50000, message: "Saldo di bawah ambang batas / Balance below threshold" }),
  },
];
