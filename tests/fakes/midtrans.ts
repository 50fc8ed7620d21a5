// A local fake of the Midtrans Core API (deposits): POST /v2/charge for bank_transfer VA
// (bca/bni/bri/cimb/permata), echannel (Mandiri bill) and qris, GET /v2/{order_id}/status, and
// HTTP notifications signed SHA512(order_id + status_code + gross_amount + ServerKey).
// What is documented and what was chosen: docs/providers.md § Midtrans Core API.
import { randomUUID } from "node:crypto";
import {
  asRecord, basicAuth, deliver, isFault, isNonEmptyString, Script, sha512Hex, startFakeServer,
  withFault, type Delivery, type Fault, type LoggedRequest, type Outcome, type Reply,
} from "./http";
import { qrisPayload } from "./qris";

export type MidtransStatus = "pending" | "settlement" | "capture" | "expire" | "cancel" | "deny" | "failure" | "refund";
export type MidtransCharge = {
  order_id: string;
  transaction_id: string;
  payment_type: "bank_transfer" | "echannel" | "qris";
  gross_amount: string; // "44000.00", exactly as it goes into the signature
  transaction_time: string; // "YYYY-MM-DD HH:mm:ss", GMT+7, like expiry_time and settlement_time
  expiry_time: string;
  transaction_status: MidtransStatus;
  fraud_status: "accept" | "deny" | "challenge";
  settlement_time?: string;
  /** bank_transfer: bank + va_number; echannel: biller_code + bill_key; qris: acquirer + qr_string. */
  bank?: string; va_number?: string; biller_code?: string; bill_key?: string; acquirer?: string; qr_string?: string;
  /** From X-Override-Notification / X-Append-Notification on the charge request. */
  notificationUrls: string[];
};
export type MidtransOptions = {
  serverKey: string;
  merchantId?: string;
  /** The dashboard's "Payment Notification URL". */
  notificationUrl?: string;
  /** Answer errors with HTTP 200 and the code only in the body's status_code (older Core API behaviour). */
  errorsInBodyOnly?: boolean;
};
export type MidtransOp = "charge" | "status";
/** `fail` answers a documented error body (default 505 "Unable to create va_number…"); nothing is created. */
export type MidtransAnswer = Fault | { kind: "fail"; statusCode?: string; message?: string };
export type NotifyOptions = { to?: string; badSignature?: boolean; overrides?: Record<string, unknown> };

const MESSAGES: Record<string, string> = {
  "400": "One or more parameters in the payload is invalid.",
  "401": "Unknown Merchant server_key/id",
  "402": "Merchant doesn't have access for this payment type",
  "404": "Transaction doesn't exist.",
  "406": "order_id has been paid and utilized, please use another order ID",
  "413": "The request cannot be processed due to malformed syntax in the request body",
  "500": "Sorry. Our system is recovering from unexpected issues. Please retry.",
  "503": "Sorry. The bank/payment partner is experiencing some connection issues. Please retry later.",
  "505": "Unable to create va_number for this transaction",
};
/** status_code per transaction_status in notifications (and GET status, except expire → 407 there). */
export const MIDTRANS_STATUS_CODE: Record<MidtransStatus, string> = {
  pending: "201", settlement: "200", capture: "200", cancel: "200", refund: "200", deny: "202", expire: "202", failure: "202",
};
const VA_BANKS = ["bca", "bni", "bri", "cimb", "permata"];
const VA_PREFIX: Record<string, string> = { bca: "12345", bni: "9888", bri: "8578", cimb: "2810", permata: "8562" };
const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400 };

export const midtransSignature = (orderId: string, statusCode: string, grossAmount: string, serverKey: string) =>
  sha512Hex(`${orderId}${statusCode}${grossAmount}${serverKey}`);

const jakartaTime = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().replace("T", " ").slice(0, 19);

/** The payment-method fields a charge shows in its charge response, status and notifications. */
function methodFields(c: MidtransCharge): Record<string, unknown> {
  if (c.payment_type === "echannel") return { bill_key: c.bill_key, biller_code: c.biller_code };
  if (c.payment_type === "qris") return { acquirer: c.acquirer };
  if (c.bank === "permata") return { permata_va_number: c.va_number };
  return { va_numbers: [{ bank: c.bank, va_number: c.va_number }], payment_amounts: [] };
}

function validate(b: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const td = asRecord(b.transaction_details);
  if (!isNonEmptyString(td.order_id)) errors.push("transaction_details.order_id is required");
  else if (!/^[A-Za-z0-9\-_~.]{1,50}$/.test(td.order_id)) errors.push("transaction_details.order_id is invalid");
  if (td.gross_amount === undefined || td.gross_amount === null || td.gross_amount === "") errors.push("transaction_details.gross_amount is required");
  else if (!Number.isFinite(Number(td.gross_amount))) errors.push("transaction_details.gross_amount is not a number");
  else if (!Number.isInteger(Number(td.gross_amount)) || Number(td.gross_amount) < 1) errors.push("transaction_details.gross_amount is invalid");
  if (b.payment_type === "bank_transfer" && !VA_BANKS.includes(String(asRecord(b.bank_transfer).bank))) errors.push("bank_transfer.bank is invalid");
  if (b.payment_type === "echannel") {
    const e = asRecord(b.echannel);
    if (!isNonEmptyString(e.bill_info1)) errors.push("echannel.bill_info1 is required");
    if (!isNonEmptyString(e.bill_info2)) errors.push("echannel.bill_info2 is required");
  }
  if (b.custom_expiry !== undefined) {
    const ce = asRecord(b.custom_expiry);
    if (!(Number(ce.expiry_duration) > 0)) errors.push("custom_expiry.expiry_duration is invalid");
    if (ce.unit !== undefined && !(String(ce.unit) in UNIT_SECONDS)) errors.push("custom_expiry.unit is invalid");
  }
  return errors;
}

export async function startMidtransFake(options: MidtransOptions) {
  const merchantId = options.merchantId ?? "G000000001";
  const charges = new Map<string, MidtransCharge>();
  const notifications: Delivery[] = [];
  const script = new Script<MidtransOp, MidtransAnswer>();
  let seq = 0;

  const error = (code: string, message = MESSAGES[code] ?? "Error", extra: Record<string, unknown> = {}): Reply => ({
    status: options.errorsInBodyOnly ? 200 : Number(code),
    body: { status_code: code, status_message: message, id: randomUUID(), ...extra },
  });
  const find = (id: string) => charges.get(id) ?? [...charges.values()].find((c) => c.transaction_id === id);
  /** The fields every charge response, status answer and notification carries. */
  const common = (c: MidtransCharge, status = c.transaction_status) => ({
    transaction_id: c.transaction_id, order_id: c.order_id, merchant_id: merchantId, gross_amount: c.gross_amount, currency: "IDR",
    payment_type: c.payment_type, transaction_time: c.transaction_time, transaction_status: status, fraud_status: c.fraud_status,
    expiry_time: c.expiry_time, ...(status === "settlement" || status === "capture" ? { settlement_time: c.settlement_time ?? jakartaTime(new Date()) } : {}),
    ...methodFields(c),
  });

  function createCharge(req: LoggedRequest, b: Record<string, unknown>): Reply {
    const td = asRecord(b.transaction_details);
    const orderId = String(td.order_id);
    const amount = Number(td.gross_amount);
    const now = new Date();
    const qris = b.payment_type === "qris";
    const ce = asRecord(b.custom_expiry);
    const expirySeconds = b.custom_expiry ? Number(ce.expiry_duration) * (UNIT_SECONDS[String(ce.unit ?? "minute")] ?? 60) : qris ? 15 * 60 : 24 * 3600;
    const start = isNonEmptyString(ce.order_time) && !Number.isNaN(Date.parse(ce.order_time)) ? new Date(Date.parse(ce.order_time)) : now;
    const override = String(req.headers["x-override-notification"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const append = String(req.headers["x-append-notification"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const urls = override.length ? override.slice(0, 3) : [...(options.notificationUrl ? [options.notificationUrl] : []), ...append.slice(0, 3)];
    const c: MidtransCharge = {
      order_id: orderId, transaction_id: randomUUID(), gross_amount: amount.toFixed(2),
      payment_type: b.payment_type === "permata" ? "bank_transfer" : (b.payment_type as MidtransCharge["payment_type"]),
      transaction_time: jakartaTime(now), expiry_time: jakartaTime(new Date(start.getTime() + expirySeconds * 1000)),
      transaction_status: "pending", fraud_status: "accept", notificationUrls: urls,
    };
    seq += 1;
    if (c.payment_type === "echannel") {
      c.biller_code = "70012";
      c.bill_key = String(asRecord(b.echannel).bill_key ?? `${Date.now() % 1_000_000}${String(seq).padStart(6, "0")}`);
    } else if (qris) {
      c.acquirer = String(asRecord(b.qris).acquirer ?? "gopay");
      c.qr_string = qrisPayload(amount, c.transaction_id);
    } else {
      c.bank = b.payment_type === "permata" ? "permata" : String(asRecord(b.bank_transfer).bank);
      const custom = asRecord(b.bank_transfer).va_number;
      c.va_number = (VA_PREFIX[c.bank] ?? "") + (isNonEmptyString(custom) ? custom : String(seq).padStart(11, "0"));
    }
    charges.set(orderId, c);
    const messages = { bank_transfer: c.bank === "permata" ? "Success, PERMATA VA transaction is successful" : "Success, Bank Transfer transaction is created",
      echannel: "OK, Mandiri Bill transaction is successful", qris: "QRIS transaction is created" };
    const qrisFields = qris ? { qr_string: c.qr_string, actions: [{ name: "generate-qr-code", method: "GET", url: `${server.url}/v2/qris/${c.transaction_id}/qr-code` }] } : {};
    return {
      status: 200,
      body: { status_code: "201", status_message: messages[c.payment_type], ...common(c), ...qrisFields },
    };
  }

  function statusOf(c: MidtransCharge): Reply {
    const code = c.transaction_status === "expire" ? "407" : MIDTRANS_STATUS_CODE[c.transaction_status];
    return {
      status: 200,
      body: { status_code: code, status_message: "Success, transaction is found", ...common(c),
        signature_key: midtransSignature(c.order_id, code, c.gross_amount, options.serverKey) },
    };
  }

  function handle(req: LoggedRequest): Outcome {
    const auth = basicAuth(req.headers);
    if (!auth) return { reply: error("401", "Access denied due to unauthorized transaction, please check client or server key") };
    if (auth.user !== options.serverKey) return { reply: error("401") };
    const statusPath = /^\/v2\/([^/]+)\/status$/.exec(req.path);
    if (req.method === "GET" && statusPath?.[1]) {
      const answer = script.next("status");
      if (answer?.kind === "fail") return { reply: error(answer.statusCode ?? "500", answer.message) };
      const c = find(decodeURIComponent(statusPath[1]));
      return withFault(isFault(answer) ? answer : undefined, () => (c ? statusOf(c) : error("404")));
    }
    if (req.method !== "POST" || req.path !== "/v2/charge") return { reply: error("404", "The requested resource is not found") };
    if (req.body === undefined) return { reply: error("413") };
    const b = asRecord(req.body);
    if (!["bank_transfer", "permata", "echannel", "qris"].includes(String(b.payment_type))) {
      return { reply: error("400", undefined, { validation_messages: ["payment_type is invalid"] }) };
    }
    const problems = validate(b);
    if (problems.length) return { reply: error("400", undefined, { validation_messages: problems }) };
    const answer = script.next("charge");
    if (answer?.kind === "fail") return { reply: error(answer.statusCode ?? "505", answer.message) };
    return withFault(isFault(answer) ? answer : undefined, () =>
      charges.has(String(asRecord(b.transaction_details).order_id)) ? error("406") : createCharge(req, b));
  }

  const server = await startFakeServer(handle);

  function mustFind(orderId: string): MidtransCharge {
    const c = find(orderId);
    if (!c) throw new Error(`midtrans fake: no charge ${orderId}`);
    return c;
  }
  /** Changes a charge's status as Midtrans would (payment, expiry…); sends nothing. */
  function setStatus(orderId: string, status: MidtransStatus, fraudStatus: MidtransCharge["fraud_status"] = "accept") {
    const c = mustFind(orderId);
    c.transaction_status = status;
    c.fraud_status = fraudStatus;
    if (status === "settlement" || status === "capture") c.settlement_time ??= jakartaTime(new Date());
  }
  /** The notification body Midtrans would POST for this charge in `status` (default: its current one), signed. */
  function notificationBody(orderId: string, status?: MidtransStatus, opts: NotifyOptions = {}): Record<string, unknown> {
    const c = mustFind(orderId);
    const s = status ?? c.transaction_status;
    const body: Record<string, unknown> = {
      status_code: MIDTRANS_STATUS_CODE[s], status_message: "midtrans payment notification", ...common(c, s), ...opts.overrides,
    };
    const key = opts.badSignature ? `${options.serverKey}-wrong` : options.serverKey;
    body.signature_key = midtransSignature(String(body.order_id), String(body.status_code), String(body.gross_amount), key);
    return body;
  }
  /**
   * POSTs a notification for the charge in `status` (default: its current status) to `to`, or to the
   * charge's notification URLs. Never changes state, so a stale `pending` after `settlement`, or the
   * same notification twice, is just two calls.
   */
  async function notify(orderId: string, status?: MidtransStatus, opts: NotifyOptions = {}): Promise<Delivery[]> {
    const c = mustFind(orderId);
    const targets = opts.to ? [opts.to] : c.notificationUrls;
    if (!targets.length) throw new Error("midtrans fake: no notification URL (pass `to`, notificationUrl or X-Override-Notification)");
    const raw = JSON.stringify(notificationBody(orderId, status, opts));
    const headers = { "content-type": "application/json", accept: "application/json", "user-agent": "Veritrans" };
    const sent = await Promise.all(targets.map((to) => deliver(to, raw, headers)));
    notifications.push(...sent);
    return sent;
  }

  return {
    url: server.url,
    requests: server.requests,
    close: server.close,
    state: { charges, notifications },
    /** Queues one-shot answers for the next calls of an operation. */
    script: (op: MidtransOp, ...answers: MidtransAnswer[]) => script.push(op, ...answers),
    setStatus,
    notificationBody,
    notify,
    /** The customer pays: settlement, then the notification. */
    settle(orderId: string, opts: NotifyOptions = {}) {
      setStatus(orderId, "settlement");
      return notify(orderId, "settlement", opts);
    },
  };
}

export type MidtransFake = Awaited<ReturnType<typeof startMidtransFake>>;
