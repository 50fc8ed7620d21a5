// How a deposit looks to the outside: the REST responses and the callback payloads use these
// shapes, with the seeds' field names. Amounts leave as JSON integers (all below 2^53).
import { formatWibSql } from "../../lib/format";
import { appUrl, env } from "../env";
import type { Deposit } from "../db";

const n = (value: bigint | null) => (value === null ? null : Number(value));

export function qrImageUrl(depositId: string) {
  return `${appUrl()}/api/v1/invoice/${depositId}/qr.png`;
}

/** Seed 000's callback words for a deposit's state. */
export function callbackStatus(deposit: Pick<Deposit, "status" | "cancelledAt">, failed = false): "Success" | "Expired" | "Gagal" | "Pending" {
  if (failed) return "Gagal";
  if (deposit.status === "paid") return "Success";
  if (deposit.status === "expired") return "Expired";
  return "Pending";
}

/** Seed 003's invoice shape (`GET /api/v1/invoice/status`). */
export function invoiceView(d: Deposit) {
  return {
    invoice_id: d.id,
    amount: n(d.amount),
    fee: n(d.fee),
    total: n(d.total),
    status: d.status,
    qris_image: d.qrisPayload ? qrImageUrl(d.id) : null,
    qris_string: d.qrisPayload,
    expired_at: formatWibSql(d.expiredAt),
    created_at: formatWibSql(d.createdAt),
    paid_at: d.paidAt ? formatWibSql(d.paidAt) : null,
  };
}

/** A top-up (ticket, VA or QRIS) as `GET /api/v1/topup/{id}` shows it. */
export function topupView(d: Deposit) {
  return {
    id: d.id,
    method: d.method,
    amount: n(d.amount),
    unique_code: d.uniqueCode,
    fee: n(d.fee),
    total: n(d.total),
    credited_amount: n(d.creditAmount),
    status: d.status,
    va_number: d.vaNumber,
    // Mandiri bill payment (Midtrans echannel): `va_number` is the bill key, paid under this biller code.
    ...(d.billerCode ? { biller_code: d.billerCode } : {}),
    qris_string: d.qrisPayload,
    qris_image: d.qrisPayload ? qrImageUrl(d.id) : null,
    bank:
      d.method === "BANK_TRANSFER"
        ? { bank_name: env.DEPOSIT_BANK_NAME, account_number: env.DEPOSIT_BANK_ACCOUNT_NUMBER, account_name: env.DEPOSIT_BANK_ACCOUNT_NAME }
        : null,
    expired_at: formatWibSql(d.expiredAt),
    created_at: formatWibSql(d.createdAt),
    paid_at: d.paidAt ? formatWibSql(d.paidAt) : null,
  };
}

/** Callback data: the resource as its status endpoint shows it, `status` in seed 000's words. */
export function depositEventData(d: Deposit, failed = false) {
  const view = d.channel === "invoice" ? invoiceView(d) : topupView(d);
  // A payment through a payment link says which link it paid.
  return { ...view, status: callbackStatus(d, failed), deposit_status: d.status, ...(d.paymentLinkId ? { payment_link_id: d.paymentLinkId } : {}) };
}

/**
 * What the payment panel needs — the public pay page (tRPC `deposits.forPayer`, no login) and the
 * merchant's invoice page alike — and nothing more: how much to pay, how, until when, to whom, and
 * whether it is paid. No merchant internals (merchant id, fee or credited amount, unique code,
 * provider and its references, internal status fields), as plain strings for the browser.
 */
export function paymentView(d: Deposit, merchantName?: string) {
  const bank = d.method === "BANK_TRANSFER" ? { name: env.DEPOSIT_BANK_NAME, accountNumber: env.DEPOSIT_BANK_ACCOUNT_NUMBER, accountName: env.DEPOSIT_BANK_ACCOUNT_NAME } : null;
  return {
    id: d.id,
    method: d.method,
    status: d.status,
    total: d.total.toString(),
    vaNumber: d.vaNumber,
    billerCode: d.billerCode,
    qrisPayload: d.qrisPayload,
    bank,
    expiredAt: d.expiredAt.toISOString(),
    paidAt: d.paidAt?.toISOString() ?? null,
    merchantName: merchantName ?? null,
    /** Sandbox mode only: the "simulate payment" button pays the sandbox's own charges and bank tickets. */
    simulatable: env.SANDBOX && (d.provider === "sandbox" || d.provider === "bank"),
  };
}
export type PaymentView = ReturnType<typeof paymentView>;
