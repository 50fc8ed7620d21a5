// Midtrans Core API as Saldo's deposit provider: VA (bank_transfer), Mandiri bill (echannel) and
// QRIS charges through POST /v2/charge; notifications verified by their signature_key and then
// confirmed with GET /v2/{order_id}/status, whose answer is what Saldo acts on. Saldo's deposit id
// is the order_id, so every notification and status answer names its deposit directly.
// Sources and the fake's choices: docs/providers.md § 1.
import { z } from "zod";
import { AppError } from "../../errors";
import type { Charge, ChargeRequest, ChargeState, DepositProvider } from "../types";
import {
  formatMidtransTime, midtransConfig, midtransRequest, parseMidtransTime, verifyMidtransSignature,
  type MidtransAnswer, type MidtransConfig, type MidtransLost,
} from "./core-api";
import { wholeRupiah } from "../../../lib/json-values";

/** Saldo's VA methods → the Core API's `bank_transfer.bank`. Mandiri is a bill payment (echannel), QRIS its own type. */
const VA_BANKS: Record<string, string> = { VA_BNI: "bni", VA_BRI: "bri", VA_PERMATA: "permata", VA_BCA: "bca", VA_CIMB: "cimb" };

/** Answers that mean "nothing was created and asking again will not change that". 406 (order exists) is not one. */
const DEFINITE_REFUSALS = new Set(["400", "401", "402", "403", "404", "405", "409", "410", "411", "412", "413"]);

const refused = (reason: string) => new AppError("CONFLICT", `Midtrans: ${reason}`);

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function describe(result: MidtransAnswer | MidtransLost): string {
  if (result.kind === "lost") return result.reason;
  return `status_code ${result.statusCode}${str(result.body.status_message) ? ` "${str(result.body.status_message)}"` : ""}`;
}

/** The /v2/charge body for a deposit. `custom_expiry` ends the charge when the deposit expires (never before). */
export function chargeBody(request: ChargeRequest, now = new Date()): Record<string, unknown> {
  if (request.total > BigInt(Number.MAX_SAFE_INTEGER)) throw new AppError("VALIDATION", "Amount too large for Midtrans");
  const orderTime = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const seconds = Math.ceil((request.expiresAt.getTime() - orderTime.getTime()) / 1000);
  if (seconds < 1) throw new AppError("VALIDATION", "The deposit has already expired");
  const common = {
    transaction_details: { order_id: request.depositId, gross_amount: Number(request.total) },
    custom_expiry: { order_time: formatMidtransTime(orderTime), expiry_duration: seconds, unit: "second" },
  };
  if (request.method === "QRIS") return { payment_type: "qris", ...common };
  if (request.method === "VA_MANDIRI") {
    // bill_info1 ≤ 10 and bill_info2 ≤ 30 characters, both required; the payer sees them in the bank app.
    const merchant = request.merchantName.replace(/[^\p{L}\p{N} .,&-]/gu, "").trim().slice(0, 30) || "Saldo";
    return { payment_type: "echannel", ...common, echannel: { bill_info1: "Top-up", bill_info2: merchant } };
  }
  const bank = VA_BANKS[request.method];
  if (!bank) throw new AppError("VALIDATION", `Midtrans offers no ${request.method}`);
  return { payment_type: "bank_transfer", ...common, bank_transfer: { bank } };
}

/** The payer's instructions from a charge (or status) answer; a string says what is missing. */
function chargeFrom(body: Record<string, unknown>, request: ChargeRequest): Charge | string {
  if (body.order_id !== request.depositId) return `answered for order ${String(body.order_id)}`;
  if (wholeRupiah(body.gross_amount) !== request.total) return `answered gross_amount ${String(body.gross_amount)} for ${request.total}`;
  const providerRef = str(body.transaction_id);
  if (!providerRef) return "answered without a transaction_id";
  if (body.transaction_status !== "pending") return `the transaction is ${String(body.transaction_status)}`;
  if (request.method === "QRIS") {
    const qrisPayload = str(body.qr_string);
    return qrisPayload ? { providerRef, qrisPayload } : "answered without qr_string";
  }
  if (request.method === "VA_MANDIRI") {
    const vaNumber = str(body.bill_key);
    const billerCode = str(body.biller_code);
    return vaNumber && billerCode ? { providerRef, vaNumber, billerCode } : "answered without bill_key and biller_code";
  }
  const bank = VA_BANKS[request.method];
  const listed = Array.isArray(body.va_numbers) ? (body.va_numbers as unknown[]) : [];
  const entry = listed.find((v): v is Record<string, unknown> => typeof v === "object" && v !== null && (v as Record<string, unknown>).bank === bank);
  // Midtrans may replace a requested number, so the number is always the one it answered.
  const vaNumber = str(entry?.va_number) ?? (bank === "permata" ? str(body.permata_va_number) : undefined);
  return vaNumber ? { providerRef, vaNumber } : "answered without a VA number";
}

/** Midtrans' words on a transaction (notification or status answer) as a ChargeState. */
export function stateFrom(body: Record<string, unknown>, statusCode: string, payload: string, fallbackReference: string): ChargeState {
  const reference = str(body.order_id) ?? fallbackReference;
  if (statusCode === "404") return { kind: "unknown", reference, reason: "Midtrans has no such transaction", payload };
  if (!["200", "201", "202", "407"].includes(statusCode)) {
    return { kind: "unknown", reference, reason: `Midtrans answered status_code ${statusCode}`, payload };
  }
  const status = str(body.transaction_status);
  const transactionId = str(body.transaction_id);
  if (!status || !transactionId) return { kind: "unknown", reference, reason: "no transaction_status or transaction_id", payload };
  const eventId = `${transactionId}:${status}`;
  const amount = wholeRupiah(body.gross_amount) ?? undefined;
  if (status === "capture" && body.fraud_status !== "accept") {
    // Cards: only an accepted capture is money; a challenged one waits, a denied one failed.
    if (body.fraud_status === "deny") return { kind: "failed", eventId, reference, reason: "Midtrans: capture denied by fraud check", amount, payload };
    return { kind: "pending", reference, payload };
  }
  switch (status) {
    case "capture":
    case "settlement": {
      const paidAt = parseMidtransTime(body.settlement_time) ?? parseMidtransTime(body.transaction_time);
      if (amount === undefined || !paidAt) return { kind: "unknown", reference, reason: "paid, but gross_amount or the time is unreadable", payload };
      return { kind: "paid", eventId, reference, amount, paidAt, payload };
    }
    case "pending":
    case "authorize":
      return { kind: "pending", reference, payload };
    case "expire":
      return { kind: "expired", eventId, reference, amount, payload };
    case "cancel":
    case "deny":
    case "failure":
      return { kind: "failed", eventId, reference, reason: `Midtrans: ${status}`, amount, payload };
    case "refund":
    case "partial_refund":
    case "chargeback":
    case "partial_chargeback":
      return { kind: "ignored", reference, reason: `Midtrans: ${status} after payment; an admin decides`, payload };
    default:
      return { kind: "unknown", reference, reason: `Midtrans: unknown transaction_status ${status}`, payload };
  }
}

async function statusOf(config: MidtransConfig, orderId: string): Promise<ChargeState> {
  const asked = await midtransRequest(config, "GET", `/v2/${encodeURIComponent(orderId)}/status`);
  if (asked.kind === "lost") return { kind: "unknown", reference: orderId, reason: asked.reason };
  const state = stateFrom(asked.body, asked.statusCode, JSON.stringify(asked.body), orderId);
  if (state.reference !== orderId) return { kind: "unknown", reference: orderId, reason: `the status answer is about ${state.reference}` };
  return state;
}

const notificationFields = z.object({
  order_id: z.string().min(1).max(200),
  status_code: z.string().min(1).max(10),
  gross_amount: z.string().min(1).max(30),
  signature_key: z.string().min(1).max(200),
  transaction_status: z.string().min(1).max(50),
  transaction_id: z.string().min(1).max(200),
});

function readJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    return undefined;
  }
}

/** The adapter over a configuration (read per call); `midtransDepositProvider` reads it from the environment. */
export function createMidtransDepositProvider(configOf: () => MidtransConfig = midtransConfig): DepositProvider {
  return {
    name: "midtrans",
    hasStatusApi: true,

    async createCharge(request: ChargeRequest): Promise<Charge> {
      const config = configOf();
      const first = await midtransRequest(config, "POST", "/v2/charge", chargeBody(request));
      if (first.kind === "answer" && (first.statusCode === "201" || first.statusCode === "200")) {
        const charge = chargeFrom(first.body, request);
        if (typeof charge === "string") throw refused(charge);
        return charge;
      }
      if (first.kind === "answer" && DEFINITE_REFUSALS.has(first.statusCode)) throw refused(describe(first));
      // Timeout, 5xx, a lost answer, or 406 "order exists": never guess, ask the status API.
      const asked = await midtransRequest(config, "GET", `/v2/${encodeURIComponent(request.depositId)}/status`);
      if (asked.kind === "answer" && asked.statusCode === "201") {
        const charge = chargeFrom(asked.body, request);
        if (typeof charge !== "string") return charge;
        throw refused(`${describe(first)}; the charge exists but ${charge}`);
      }
      if (asked.kind === "answer" && asked.statusCode === "404") throw refused(`${describe(first)}; nothing was created`);
      throw refused(`${describe(first)}; status unknown (${describe(asked)})`);
    },

    verifyWebhook(rawBody: string): boolean {
      const parsed = notificationFields.safeParse(readJson(rawBody));
      if (!parsed.success) return false;
      const { order_id, status_code, gross_amount, signature_key } = parsed.data;
      return verifyMidtransSignature(
        { orderId: order_id, statusCode: status_code, grossAmount: gross_amount, signatureKey: signature_key },
        configOf().serverKey,
      );
    },

    parseWebhook(rawBody: string): ChargeState {
      const json = readJson(rawBody);
      const parsed = notificationFields.safeParse(json);
      if (!parsed.success) throw new AppError("VALIDATION", `Invalid Midtrans notification: ${parsed.error.issues[0]?.message ?? "bad body"}`);
      return stateFrom(json as Record<string, unknown>, parsed.data.status_code, rawBody, parsed.data.order_id);
    },

    // Midtrans advises it, and a signed notification may be stale or out of order: the status API's
    // answer is what Saldo acts on.
    confirm(notification: ChargeState): Promise<ChargeState> {
      return statusOf(configOf(), notification.reference);
    },

    getStatus({ depositId }): Promise<ChargeState> {
      return statusOf(configOf(), depositId);
    },

    async healthCheck(): Promise<string> {
      const config = configOf();
      const asked = await midtransRequest(config, "GET", `/v2/saldo-health-check-${Date.now()}/status`);
      if (asked.kind === "lost") throw new Error(`Midtrans Core API at ${config.apiUrl}: ${asked.reason}`);
      if (asked.statusCode === "404") return `Core API at ${config.apiUrl} accepts the server key`;
      throw new Error(`Midtrans Core API at ${config.apiUrl}: ${describe(asked)}`);
    },
  };
}

export const midtransDepositProvider: DepositProvider = createMidtransDepositProvider();
