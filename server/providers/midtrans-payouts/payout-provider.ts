// Midtrans Payouts (formerly Iris) behind Saldo's PayoutProvider (docs/providers.md § 2).
//
// Sending a payout is two documented calls, with two keys, as Midtrans intends:
//   1. POST /api/v1/payouts (creator key, X-Idempotency-Key = Saldo's withdrawal id) → 201
//      `{ payouts: [{ status: "queued", reference_no }] }`; the request body is built only from
//      the withdrawal, so repeating it under the same key returns the same payout (Midtrans keeps
//      keys 24 h) instead of paying twice;
//   2. POST /api/v1/payouts/approve (approver key) `{ reference_nos: [ref] }` → 202.
// Asking about it: GET /api/v1/payouts/{reference_no}. Statuses: queued → approved → processed →
// completed | failed; rejected. `completed` can still turn `failed` later (a bank refund): that is
// for the domain to notice, not for this adapter to hide.
// Notifications: Iris-Signature = SHA512(raw body + merchant key), lowercase hex.
import { createHash, timingSafeEqual } from "node:crypto";
import { formatRupiah } from "../../../lib/format";
import { isRecord, wholeRupiah } from "../../../lib/json-values";
import { irisEnv } from "../../env";
import { AppError } from "../../errors";
import type { PayoutHooks, PayoutInquiry, PayoutNotification, PayoutProvider, PayoutRequest, PayoutResult, PayoutStatus } from "../types";
import { callIris, irisErrorText, type IrisConfig, type IrisReply } from "./client";

/**
 * Saldo method → Iris `beneficiary_bank`, as far as Midtrans documents it: the banks' own codes
 * and the e-wallets `gopay` and `ovo`. `dana` and `shopeepay` appear in no list read, so they are
 * off until IRIS_BANK_CODES names a code (check GET /api/v1/beneficiary_banks first).
 */
export const DOCUMENTED_BANK_CODES: Readonly<Record<string, string | null>> = {
  bca: "bca",
  bni: "bni",
  bri: "bri",
  mandiri: "mandiri",
  gopay: "gopay",
  ovo: "ovo",
  dana: null,
  shopeepay: null,
};

/** Midtrans keeps idempotency keys 24 h; past this a lost create can no longer be asked about safely. */
export const IDEMPOTENCY_WINDOW_MS = 23 * 60 * 60 * 1000;

const REFUSED = "Pencairan ditolak penyedia / Payout refused by the provider";

export const irisSignature = (rawBody: string, merchantKey: string) => createHash("sha512").update(rawBody + merchantKey, "utf8").digest("hex");

/** Constant-time check of Iris-Signature over the raw body exactly as received. */
export function irisSignatureMatches(rawBody: string, merchantKey: string, given: string | null | undefined): boolean {
  if (!merchantKey || !given || !/^[0-9a-f]{128}$/i.test(given.trim())) return false;
  const expected = Buffer.from(irisSignature(rawBody, merchantKey), "hex");
  const actual = Buffer.from(given.trim().toLowerCase(), "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * A payout's Iris status as Saldo reads it. `queued`: created, not approved yet. `stuck`: still
 * queued after Saldo's approval was refused (a role, an OTP…): only a person can move it.
 */
type IrisState = PayoutResult | { status: "queued"; reference: string } | { status: "stuck"; reference: string; problem: string } | { status: "not_found" };

/** Reads GET /payouts/{ref}'s (or a notification's) status. */
function readIrisStatus(reference: string, body: Record<string, unknown>): PayoutResult | { status: "queued"; reference: string } {
  const status = str(body.status);
  switch (status) {
    case "queued":
      return { status: "queued", reference };
    case "approved":
    case "processed":
      return { status: "sent", reference };
    case "completed":
      return { status: "paid", reference };
    case "failed": {
      const detail = [str(body.error_code), str(body.error_message)].filter(Boolean).join(" ");
      return { status: "refused", reference, reason: `${REFUSED}: ${detail || "failed"}` };
    }
    case "rejected":
      return { status: "refused", reference, reason: `${REFUSED}: ${str(body.reject_reason) || "rejected at Midtrans Payouts"}` };
    default:
      return { status: "unknown", reference, problem: `unrecognised payout status "${status}"` };
  }
}

export function createMidtransPayoutProvider(config: IrisConfig): PayoutProvider {
  const codes = { ...DOCUMENTED_BANK_CODES, ...config.bankCodes };
  const bankCode = (method: string): string | null => codes[method] ?? null;
  const configured = () => config.creatorKey !== "" && config.approverKey !== "";

  function payoutBody(request: PayoutRequest, bank: string) {
    // Only the withdrawal's own fields, always in this order: a repeat is byte-identical.
    return {
      payouts: [
        {
          beneficiary_name: request.accountName,
          beneficiary_account: request.accountNumber,
          beneficiary_bank: bank,
          amount: `${request.amount}.00`,
          notes: `Saldo withdrawal ${request.withdrawalId}`,
        },
      ],
    };
  }

  /**
   * POST /payouts under the withdrawal's idempotency key: the reference, Midtrans' refusal (with
   * its HTTP status: the caller decides what it proves), or unknown.
   */
  async function create(
    request: PayoutRequest,
  ): Promise<{ status: "created"; reference: string } | { status: "declined"; httpStatus: number; reason: string } | Extract<PayoutResult, { status: "refused" | "unknown" }> | { status: "conflict"; problem: string }> {
    const bank = bankCode(request.method);
    if (!bank) return { status: "refused", reason: `${REFUSED}: ${request.method} is not available at Midtrans Payouts` };
    const reply = await callIris(config, config.creatorKey, { method: "POST", path: "/payouts", body: payoutBody(request, bank), idempotencyKey: request.withdrawalId });
    if (reply.kind === "unreadable") return { status: "unknown", problem: `create payout: ${reply.problem}` };
    if (reply.httpStatus >= 200 && reply.httpStatus < 300) {
      const first = Array.isArray(reply.body.payouts) ? reply.body.payouts[0] : undefined;
      const reference = isRecord(first) ? str(first.reference_no) : "";
      return reference ? { status: "created", reference } : { status: "unknown", problem: `create payout: HTTP ${reply.httpStatus} without a reference_no` };
    }
    // The same key with another body: something was created under this withdrawal's id before.
    if (reply.httpStatus === 409) return { status: "conflict", problem: `create payout: ${irisErrorText(reply)}` };
    if (reply.httpStatus === 401) return { status: "declined", httpStatus: 401, reason: `${REFUSED}: authentication failed` };
    return { status: "declined", httpStatus: reply.httpStatus, reason: `${REFUSED}: ${irisErrorText(reply)}` };
  }

  const details = (reference: string): Promise<IrisReply> => callIris(config, config.approverKey, { method: "GET", path: `/payouts/${encodeURIComponent(reference)}` });

  async function stateOf(reference: string): Promise<IrisState> {
    const reply = await details(reference);
    if (reply.kind === "unreadable") return { status: "unknown", reference, problem: `payout details: ${reply.problem}` };
    if (reply.httpStatus === 404) return { status: "not_found" };
    if (reply.httpStatus !== 200) return { status: "unknown", reference, problem: `payout details: ${irisErrorText(reply)}` };
    return readIrisStatus(reference, reply.body);
  }

  /**
   * POST /payouts/approve. Approving twice is harmless (the second answers "not queued"), so no
   * idempotency key: a stored first answer would only hide what the payout did since.
   */
  async function approve(reference: string): Promise<IrisState> {
    const reply = await callIris(config, config.approverKey, { method: "POST", path: "/payouts/approve", body: { reference_nos: [reference] } });
    if (reply.kind === "unreadable") return { status: "unknown", reference, problem: `approve payout: ${reply.problem}` };
    if (reply.httpStatus >= 200 && reply.httpStatus < 300) return { status: "sent", reference };
    // Refused: perhaps it was approved already (a repeat) — ask what the payout is now.
    const refusal = `approve payout refused: ${irisErrorText(reply)}`;
    const now = await stateOf(reference);
    if (now.status === "queued") return { status: "stuck", reference, problem: `${refusal}; payout ${reference} is still queued — approve or reject it in the Payouts dashboard` };
    if (now.status === "not_found") return { status: "stuck", reference, problem: `${refusal}; payout ${reference} is not found` };
    return now;
  }

  /** From a known reference: where the payout is, approving it if it still waits for that. */
  async function follow(reference: string): Promise<PayoutStatus> {
    const now = await stateOf(reference);
    const settled = now.status === "queued" ? await approve(reference) : now;
    if (settled.status === "queued" || settled.status === "stuck") return { status: "unanswerable", reference, problem: settled.status === "stuck" ? settled.problem : `payout ${reference} is still queued` };
    if (settled.status === "not_found") return { status: "unanswerable", reference, problem: `Midtrans Payouts does not know payout ${reference}` };
    return settled;
  }

  const notConfigured: PayoutResult = { status: "refused", reason: `${REFUSED}: Midtrans Payouts is not configured` };

  return {
    name: "midtrans",

    supportsMethod: (method) => bankCode(method) !== null,

    async sendPayout(request: PayoutRequest, hooks?: PayoutHooks): Promise<PayoutResult> {
      if (!configured()) return notConfigured;
      const created = await create(request);
      if (created.status === "conflict") return { status: "unknown", problem: created.problem };
      // The first create: a validation or authentication refusal means nothing was created. Any
      // other 4xx (429, 408…) proves nothing either way.
      if (created.status === "declined") {
        return [400, 401, 403, 422].includes(created.httpStatus) ? { status: "refused", reason: created.reason } : { status: "unknown", problem: `create payout: ${created.reason}` };
      }
      if (created.status !== "created") return created;
      await hooks?.onReference?.(created.reference);
      const approved = await approve(created.reference);
      // Not approved and still queued (or gone): unknown for now; asking later hands it to an admin.
      if (approved.status === "queued" || approved.status === "stuck" || approved.status === "not_found") {
        return { status: "unknown", reference: created.reference, problem: "problem" in approved ? approved.problem : `payout ${created.reference} was not approved` };
      }
      return approved;
    },

    async checkPayout(inquiry: PayoutInquiry, hooks?: PayoutHooks): Promise<PayoutStatus> {
      if (!configured()) return { status: "unknown", problem: "Midtrans Payouts is not configured" };
      let reference = inquiry.reference;
      if (!reference) {
        // The create's answer was lost: repeat it under the same key to learn its reference_no
        // (Midtrans answers the first payout again; if the first never arrived, this creates it).
        if (Date.now() - inquiry.sentAt.getTime() > IDEMPOTENCY_WINDOW_MS) {
          return {
            status: "unanswerable",
            problem: `the create's answer was lost and Midtrans keeps idempotency keys only 24 h; look for notes "Saldo withdrawal ${inquiry.withdrawalId}" in the Payouts dashboard`,
          };
        }
        const created = await create(inquiry);
        if (created.status === "conflict") return { status: "unanswerable", problem: created.problem };
        // A repeat: only a validation refusal proves nothing was created (a first create that
        // got through would have been answered again). A 401 — a rotated key — never reached
        // the idempotency check: ask again later.
        if (created.status === "declined") {
          return [400, 422].includes(created.httpStatus) ? { status: "refused", reason: created.reason } : { status: "unknown", problem: `repeat create payout: ${created.reason}` };
        }
        if (created.status !== "created") return created;
        reference = created.reference;
        await hooks?.onReference?.(reference);
      }
      return follow(reference);
    },

    verifyNotification(rawBody: string, headers: Headers): boolean {
      return irisSignatureMatches(rawBody, config.merchantKey, headers.get("iris-signature"));
    },

    parseNotification(rawBody: string): PayoutNotification {
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw new AppError("VALIDATION", "Body bukan JSON yang valid / Body is not valid JSON");
      }
      if (!isRecord(body)) throw new AppError("VALIDATION", "Notifikasi tidak dikenali / Unrecognised notification");
      // Balance top-ups share the endpoint (transaction_id, order_id, status "topup").
      if (body.status === "topup" || (!("reference_no" in body) && "order_id" in body)) return { kind: "ignored", reason: "top-up notification" };
      const reference = str(body.reference_no).trim();
      if (!reference) throw new AppError("VALIDATION", "reference_no wajib ada / reference_no is required");
      const state = readIrisStatus(reference, body);
      if (state.status === "queued") return { kind: "payout", reference, result: { status: "sent", reference }, providerStatus: "queued" };
      if (state.status === "unknown") return { kind: "ignored", reason: state.problem };
      const amount = wholeRupiah(body.amount);
      return { kind: "payout", reference, result: state, providerStatus: str(body.status), ...(amount === null ? {} : { amount }) };
    },

    async healthCheck() {
      if (!configured()) throw new Error("IRIS_CREATOR_KEY / IRIS_APPROVER_KEY are not set");
      const answers: string[] = [];
      for (const [role, key] of [["creator", config.creatorKey], ["approver", config.approverKey]] as const) {
        const reply = await callIris(config, key, { method: "GET", path: "/balance" });
        if (reply.kind === "unreadable") throw new Error(`balance with the ${role} key: ${reply.problem}`);
        if (reply.httpStatus !== 200) throw new Error(`balance with the ${role} key: HTTP ${reply.httpStatus} ${irisErrorText(reply)}`);
        const balance = wholeRupiah(reply.body.balance);
        answers.push(`${role} key ok${balance === null ? "" : ` (balance ${formatRupiah(balance)})`}`);
      }
      if (!config.merchantKey) throw new Error(`${answers.join(", ")}; IRIS_MERCHANT_KEY is not set, so notifications cannot be verified`);
      return `${answers.join(", ")}; merchant key set`;
    },
  };
}

/** The adapter as configured by IRIS_* (server/env.ts). */
export const midtransPayoutProvider: PayoutProvider = createMidtransPayoutProvider({
  apiUrl: irisEnv.IRIS_API_URL.replace(/\/+$/, ""),
  creatorKey: irisEnv.IRIS_CREATOR_KEY,
  approverKey: irisEnv.IRIS_APPROVER_KEY,
  merchantKey: irisEnv.IRIS_MERCHANT_KEY,
  timeoutMs: irisEnv.IRIS_TIMEOUT_MS,
  bankCodes: irisEnv.IRIS_BANK_CODES,
});
