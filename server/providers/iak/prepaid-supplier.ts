// IAK prepaid (https://prepaid.iak.dev, https://prepaid.iak.id) as Saldo's upstream supplier:
// the API seed 002 documents, which Saldo also offers its own merchants. What is documented and
// where: docs/providers.md § 3 and README "IAK (prepaid supplier)".
//
// - `accept()` only names the order at IAK: `saldo-<trId>-<8 random hex>`. Saldo-wide unique
//   (never the merchant's ref_id, which two merchants may share) and unique across databases that
//   share one IAK account (a reset demo starts its trIds at 1 again). No call is made there.
// - `result()` sends `POST /api/top-up` with that ref_id. The first time it places the order;
//   every later time IAK answers it as a status check (documented: "top up again with the same
//   ref_id … will become check status"), so sending again is how Saldo asks, and a lost answer is
//   simply asked again. rc 00 → success with `sn`; 39 / 201 → pending; anything else → failed.
// - No answer, a timeout, a 5xx, a body without `data.rc`, an answer about another order, or a
//   refusal of the request itself (wrong sign 204, IP not whitelisted 102, account suspended 118,
//   page not found 117, bad request 107/205/208) says nothing about the order: it stays pending,
//   money held, and is asked again later — never guessed. The last group is Saldo's own
//   configuration problem and is logged loudly.
// - rc 17 (Saldo's deposit at IAK ran out) and rc 20 (IAK does not know the product code) fail
//   the order, so the merchant gets the money back, and carry an `alert` for admins.
import { randomBytes } from "node:crypto";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AppError } from "../../errors";
import type { PlnCustomer, PrepaidSupplier, SupplierCallback, SupplierOrder, SupplierOutcome, SupplierProduct } from "../types";
import { isRecord, wholeRupiah } from "../../../lib/json-values";
import { callIak, configured, iakSign, iakSignMatches, text, type IakConfig, type IakData, type IakReply } from "./client";

/** The ref_id Saldo gives IAK: `saldo-<trId>-<8 hex>`. */
const REF = /^saldo-(\d{1,15})-[0-9a-f]{8}$/;

export function iakRefFor(trId: number): string {
  return `saldo-${trId}-${randomBytes(4).toString("hex")}`;
}

/** rc that mean "IAK refused the request", not "the order failed": Saldo's configuration, never the merchant's. */
export const IAK_REQUEST_REFUSED: Record<string, string> = {
  "102": "IAK refuses Saldo's IP address (add it to the IP whitelist in IAK's developer dashboard)",
  "107": "IAK could not read Saldo's request (format error)",
  "117": "IAK answered page not found (check IAK_API_URL)",
  "118": "Saldo's IAK account is suspended",
  "204": "IAK refuses Saldo's credentials (check IAK_USERNAME / IAK_API_KEY)",
  "205": "IAK does not know the command (check IAK_API_URL)",
  "208": "IAK found Saldo's request invalid",
};

/** rc that fail the order (the merchant is refunded) but are Saldo's problem to fix. */
export const IAK_FAILURE_ALERTS: Record<string, string> = {
  "17": "Saldo's deposit at IAK is too low: top up the IAK account",
  "20": "IAK does not know this product code: refresh the price list or switch the product off",
};

const PENDING_RC = new Set(["39", "201"]);
const SUPPLIER_BUSY_REASON = "Pemasok sedang tidak dapat memproses / The supplier cannot process orders right now";

/**
 * When to ask again, by the order's age: often at first (most orders settle within a minute),
 * then less and less, for as long as IAK has not said.
 */
export function nextCheck(createdAt: Date, now: Date): Date {
  const age = now.getTime() - createdAt.getTime();
  const wait = age < 2 * 60_000 ? 15_000 : age < 15 * 60_000 ? 60_000 : age < 2 * 3_600_000 ? 5 * 60_000 : age < 24 * 3_600_000 ? 30 * 60_000 : 2 * 3_600_000;
  return new Date(now.getTime() + wait);
}

type OrderAsked = SupplierOrder & { supplierRef: string | null };

function pendingAfter(order: OrderAsked, why: string, level: "warn" | "error" = "warn"): SupplierOutcome {
  const now = new Date();
  const checkAfter = nextCheck(order.createdAt, now);
  console[level](`[iak] order ${order.trId} (${order.supplierRef ?? "no ref"}): ${why}; still PROCESS, asking again after ${checkAfter.toISOString()}`);
  return { status: "pending", checkAfter };
}

/** What an answer about `order` means. Keyed on rc (docs/providers.md: never on a message's wording). */
export function outcomeOf(order: OrderAsked, reply: IakReply): SupplierOutcome {
  if (reply.kind === "unreadable") return pendingAfter(order, `IAK's answer is unknown (${reply.problem})`);
  const { rc, data } = reply;
  const message = text(data.message).trim();
  const said = `rc ${rc}${message ? ` ${message}` : ""}`;
  const refused = IAK_REQUEST_REFUSED[rc];
  if (refused) return pendingAfter(order, `${refused} (${said})`, "error");
  if (rc === "06") return pendingAfter(order, "IAK has not seen this ref_id yet (rc 06)");
  if (PENDING_RC.has(rc)) return { status: "pending", checkAfter: nextCheck(order.createdAt, new Date()) };

  // An answer about another order (a ref_id that collided, a proxy mixing answers) settles nothing.
  const ref = text(data.ref_id);
  if (ref && ref !== order.supplierRef) return pendingAfter(order, `IAK answered about ref_id ${ref}`, "error");
  const product = text(data.product_code);
  if (product && product !== order.productCode) return pendingAfter(order, `IAK's order is for product ${product}, not ${order.productCode}`, "error");
  const status = data.status === undefined || data.status === null || data.status === "" ? null : Number(data.status);

  if (rc === "00") {
    if (status !== null && status !== 1) return pendingAfter(order, `rc 00 with status ${String(data.status)}`, "error");
    const sn = text(data.sn).trim();
    const pin = text(data.pin).trim();
    const cost = readRupiah(data.price);
    return { status: "success", sn: pin ? `${sn}${sn ? " " : ""}PIN ${pin}` : sn, ...(cost !== null ? { cost } : {}) };
  }
  if (status === 1) return pendingAfter(order, `rc ${rc} with status 1`, "error");
  const alert = IAK_FAILURE_ALERTS[rc];
  if (alert) {
    console.error(`[iak] ALERT order ${order.trId}: ${alert} (${said}); the order fails and the merchant is refunded`);
    return { status: "failed", reason: `${SUPPLIER_BUSY_REASON} (IAK rc ${rc})`, alert: `${alert} (${said})` };
  }
  return { status: "failed", reason: message ? `${message} (IAK rc ${rc})` : `IAK rc ${rc}` };
}

/** A whole, positive rupiah amount as IAK writes it (a number, or a string of digits in callbacks); null otherwise. */
function readRupiah(value: unknown): bigint | null {
  const amount = wholeRupiah(value);
  return amount !== null && amount > 0n ? amount : null;
}

/** "R1 /000001300" → R1, 1300. */
function segmentPower(value: string): { tariff: string; power: number } {
  const match = /^\s*([A-Za-z0-9-]+)\s*\/\s*0*(\d+)\s*$/.exec(value);
  return match ? { tariff: match[1]!, power: Number(match[2]) } : { tariff: value.trim(), power: 0 };
}

const IAK_TYPES: Record<string, string> = { game: "games" };

function productOf(item: unknown): SupplierProduct | null {
  if (!isRecord(item)) return null;
  const code = text(item.product_code).trim();
  const price = readRupiah(item.product_price);
  if (!code || price === null) return null;
  const type = text(item.product_type).trim().toLowerCase();
  return {
    code,
    type: IAK_TYPES[type] ?? type,
    operatorName: text(item.product_description).trim(),
    nominal: text(item.product_nominal).trim(),
    details: text(item.product_details).trim(),
    price,
    active: text(item.status).trim().toLowerCase() === "active",
  };
}

const xmlParser = new XMLParser({ ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false });

/** The callback's fields: `{ data: {…} }` in JSON (as documented), or `<mp>…</mp>` / `<data>…</data>` in XML. */
function callbackFields(rawBody: string): IakData | null {
  const body = rawBody.trim();
  if (body.startsWith("<")) {
    if (/<!DOCTYPE|<!ENTITY/i.test(body) || XMLValidator.validate(body) !== true) return null;
    const doc: unknown = xmlParser.parse(body);
    const root = isRecord(doc) ? (doc.mp ?? doc.data) : undefined;
    const inner = isRecord(root) && isRecord(root.data) ? root.data : root;
    return isRecord(inner) ? inner : null;
  }
  try {
    const parsed: unknown = JSON.parse(body);
    return isRecord(parsed) && isRecord(parsed.data) ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createIakSupplier(config: IakConfig): PrepaidSupplier {
  const refOf = (order: OrderAsked): string | null => {
    const match = order.supplierRef ? REF.exec(order.supplierRef) : null;
    return match && Number(match[1]) === order.trId ? order.supplierRef : null;
  };

  return {
    name: "iak",

    accept(order, now) {
      return { supplierRef: iakRefFor(order.trId), checkAfter: now };
    },

    async result(order) {
      const ref = refOf(order);
      // Not an order this adapter named (placed while another supplier was configured): sending it
      // to IAK now would buy something nobody agreed to. It waits for an admin.
      if (!ref) return pendingAfter(order, "its supplier reference is not an IAK ref_id from Saldo; not sent to IAK", "error");
      const reply = await callIak(config, "/api/top-up", {
        username: config.username,
        ref_id: ref,
        customer_id: order.customerId,
        product_code: order.productCode,
        sign: iakSign(config, ref),
      });
      return outcomeOf(order, reply);
    },

    async status(order) {
      const ref = refOf(order);
      if (!ref) return pendingAfter(order, "its supplier reference is not an IAK ref_id from Saldo", "error");
      return outcomeOf(order, await callIak(config, "/api/check-status", { username: config.username, ref_id: ref, sign: iakSign(config, ref) }));
    },

    verifyCallback(rawBody): SupplierCallback {
      const fields = callbackFields(rawBody);
      const ref = fields ? text(fields.ref_id).trim() : "";
      if (!fields || !ref) return { ok: false, reason: "malformed" };
      if (!iakSignMatches(config, ref, fields.sign)) return { ok: false, reason: "signature" };
      const match = REF.exec(ref);
      return { ok: true, trId: match ? Number(match[1]) : null, supplierRef: ref };
    },

    async inquiryPln(meterNo): Promise<PlnCustomer | null> {
      const reply = await callIak(config, "/api/inquiry-pln", { username: config.username, customer_id: meterNo, sign: iakSign(config, meterNo) });
      if (reply.kind === "unreadable") throw new Error(`IAK inquiry-pln: ${reply.problem}`);
      if (reply.rc === "14") return null;
      if (reply.rc !== "00") throw new Error(`IAK inquiry-pln answered rc ${reply.rc} ${text(reply.data.message)}`);
      const d = reply.data;
      return {
        meterNo: text(d.meter_no).trim() || meterNo,
        subscriberId: text(d.subscriber_id).trim(),
        name: text(d.name).trim(),
        ...segmentPower(text(d.segment_power)),
      };
    },

    async pricelist() {
      const reply = await callIak(config, "/api/pricelist", { username: config.username, sign: iakSign(config, "pl"), status: "all" });
      if (reply.kind === "unreadable") throw new AppError("INVALID_STATE", `IAK did not answer the price list: ${reply.problem}`);
      if (reply.rc !== "00") throw new AppError("INVALID_STATE", `IAK refused the price list: rc ${reply.rc} ${text(reply.data.message)}`);
      const items = reply.data.pricelist;
      if (!Array.isArray(items)) throw new AppError("INVALID_STATE", "IAK's price list answer has no pricelist");
      const products = items.map(productOf).filter((p): p is SupplierProduct => p !== null);
      if (products.length < items.length) console.warn(`[iak] price list: ${items.length - products.length} item(s) without a code or a whole price were skipped`);
      return products;
    },

    async healthCheck() {
      if (!configured(config)) throw new Error("IAK_USERNAME / IAK_API_KEY are not set");
      const reply = await callIak(config, "/api/check-balance", { username: config.username, sign: iakSign(config, "bl") });
      if (reply.kind === "unreadable") throw new Error(`IAK check-balance: ${reply.problem}`);
      if (reply.rc !== "00") throw new Error(`IAK check-balance answered rc ${reply.rc} ${text(reply.data.message)}`);
      return `${config.apiUrl}: signed in as ${config.username}, deposit Rp ${text(reply.data.balance) || "?"}`;
    },
  };
}

