// Response shapes of the deposit endpoints (seed 000 and 003 field names).
import { z } from "zod";
import { EXAMPLE_DEPOSIT_ID } from "../deposits/deposit-id";
import { IsoTime, Rupiah, WibTime } from "./shared";

export const BalanceResponse = z.object({ balance: Rupiah.meta({ description: "Available balance: can be spent or withdrawn now", example: 100000 }), pending: Rupiah.meta({ description: "Held by pending withdrawals and purchases", example: 0 }) }).meta({ id: "Balance" });

export const TopupMethod = z
  .object({
    code: z.enum(["BANK_TRANSFER", "VA_BNI", "VA_BRI", "VA_MANDIRI", "VA_PERMATA", "QRIS"]),
    name: z.string(),
    fee: z.object({ flat: Rupiah, percent: z.number().min(0).max(100) }),
    min: Rupiah,
    max: Rupiah,
    expiry_minutes: z.number().positive(),
  })
  .meta({ id: "TopupMethod" });
export const TopupMethods = z.array(TopupMethod).meta({ id: "TopupMethods" });

const depositStatus = z.enum(["pending", "paid", "expired"]);

export const Topup = z
  .object({
    success: z.literal(true),
    id: z.string().meta({ example: EXAMPLE_DEPOSIT_ID }),
    method: z.string().meta({ example: "VA_BNI" }),
    amount: Rupiah,
    unique_code: z.number().int().min(1).max(999).nullable().meta({ description: "Bank transfer tickets only" }),
    fee: Rupiah,
    total: Rupiah.meta({ description: "What the payer pays", example: 54000 }),
    credited_amount: Rupiah.meta({ description: "What your balance receives", example: 50000 }),
    status: depositStatus,
    va_number: z.string().nullable().meta({ example: "8808123456789012" }),
    biller_code: z
      .string()
      .optional()
      .meta({ description: "Mandiri bill payment (VA_MANDIRI through Midtrans) only: the biller code the payer enters; `va_number` is then the bill key", example: "70012" }),
    qris_string: z.string().nullable(),
    qris_image: z.string().url().nullable(),
    bank: z.object({ bank_name: z.string(), account_number: z.string(), account_name: z.string() }).nullable(),
    expired_at: WibTime,
    created_at: WibTime,
    paid_at: WibTime.nullable(),
  })
  .meta({ id: "Topup" });

export const InvoiceCreated = z
  .object({
    success: z.literal(true),
    invoice_id: z.string().meta({ example: EXAMPLE_DEPOSIT_ID }),
    amount: Rupiah,
    fee: Rupiah.meta({ example: 70 }),
    total: Rupiah.meta({ example: 10070 }),
    qris_image: z.string().url().meta({ example: `http://localhost:3000/api/v1/invoice/${EXAMPLE_DEPOSIT_ID}/qr.png` }),
    qris_string: z.string().meta({ example: "00020101021226…6304ABCD" }),
    expired_at: WibTime,
  })
  .meta({ id: "InvoiceCreated" });

export const InvoiceStatus = z
  .object({
    success: z.literal(true),
    invoice_id: z.string(),
    amount: Rupiah,
    fee: Rupiah,
    total: Rupiah,
    status: depositStatus,
    qris_image: z.string().url().nullable(),
    qris_string: z.string().nullable(),
    expired_at: WibTime,
    created_at: WibTime,
    paid_at: WibTime.nullable(),
  })
  .meta({ id: "InvoiceStatus" });

export const InvoiceCancelled = z
  .object({ success: z.literal(true), invoice_id: z.string(), status: z.literal("expired"), message: z.literal("Invoice berhasil dibatalkan") })
  .meta({ id: "InvoiceCancelled" });

export const EventList = z
  .object({
    success: z.literal(true),
    data: z.array(z.object({ id: z.string().meta({ example: "evt_3f2c…" }), seq: z.number().int().meta({ description: "Your event sequence: 1, 2, 3 … in commit order", example: 42 }), type: z.string(), created_at: IsoTime, data: z.record(z.string(), z.unknown()), delivery_status: z.string() })),
    next_after: z.string().nullable().meta({ description: "The last event's id: pass it as `after` for the next page" }),
    has_more: z.boolean(),
  })
  .meta({ id: "EventList" });
