// A local fake of Midtrans Payouts (formerly Iris), base URL {url}/iris: create (creator key),
// approve/reject (approver key), payout details, balance, beneficiary banks, account validation,
// X-Idempotency-Key, and payout notifications signed Iris-Signature = SHA512(raw body + merchant key).
// What is documented and what was chosen: docs/providers.md § Midtrans Payouts.
import { createHash, randomBytes } from "node:crypto";
import {
  asRecord, basicAuth, deliver, isFault, isNonEmptyString, Script, sha512Hex, startFakeServer,
  withFault, type Delivery, type Fault, type LoggedRequest, type Outcome, type Reply,
} from "./http";

export type IrisStatus = "queued" | "approved" | "rejected" | "processed" | "completed" | "failed";
export type IrisPayout = {
  reference_no: string;
  beneficiary_name: string;
  beneficiary_account: string;
  beneficiary_bank: string;
  beneficiary_email?: string;
  amount: string; // "100000.00"
  notes: string;
  status: IrisStatus;
  created_at: string;
  updated_at: string;
  error_code?: string;
  error_message?: string;
  reject_reason?: string;
};
/** What an approved payout turns into; the default is `completed`. `processed` waits for setStatus(). */
export type IrisOutcome = { status: "completed" } | { status: "processed" } | { status: "failed"; errorCode?: string };
export type IrisOptions = {
  creatorKey: string;
  approverKey: string;
  merchantKey: string;
  notificationUrl?: string;
  /** Aggregator balance in rupiah; an approved payout above it fails with error_code 016. */
  balance?: number;
  /** When set, approve requires this `otp`. */
  otp?: string;
  /** Beneficiary bank codes accepted; the default is the documented subset Saldo uses. */
  banks?: Record<string, string>;
};
export type IrisOp = "create" | "approve" | "reject" | "details";
/** `fail` answers `status` (default 400) with `body` (default: the documented create-payouts error). */
export type IrisAnswer = Fault | { kind: "fail"; status?: number; body?: Record<string, unknown> };
export type IrisNotifyOptions = { to?: string; badSignature?: boolean; overrides?: Record<string, unknown> };

/** Failed-payout error codes (docs: "Error Code and Messages"). */
export const IRIS_ERRORS: Record<string, string> = {
  "001": "Invalid beneficiary name", "002": "Invalid destination account number", "003": "Invalid destination account or beneficiary name",
  "004": "General error", "005": "Timeout error by bank", "009": "Bank balance is not enough", "012": "Beneficiary account is blocked",
  "016": "Merchant balance is not enough",
};
const DEFAULT_BANKS: Record<string, string> = {
  bca: "PT. BANK CENTRAL ASIA TBK.", bni: "PT. BANK NEGARA INDONESIA (PERSERO)", bri: "PT. BANK RAKYAT INDONESIA (PERSERO)",
  mandiri: "PT. BANK MANDIRI (PERSERO) TBK.", permata: "PT. BANK PERMATA TBK.", cimb: "PT. BANK CIMB NIAGA TBK.",
  danamon: "PT. BANK DANAMON INDONESIA TBK.", gopay: "GO-PAY", ovo: "OVO",
};
/** Sandbox test accounts from the Iris docs, answered by account_validation. */
const TEST_ACCOUNTS: Record<string, string> = {
  "mandiri:1380011819286": "Mandiri Simulator A", "bni:00010000": "BNI Simulator A", "bri:504101005099530": "BRI Simulator A",
  "bca:0611101146": "BCA Simulator A", "permata:4111911431": "Permata Simulator A", "danamon:000001137298": "Danamon Simulator A",
  "cimb:800057357100": "CIMB Simulator A", "gopay:08123450000": "Gopay Simulator A",
};

export const irisSignature = (rawBody: string, merchantKey: string) => sha512Hex(rawBody + merchantKey);
const money = (n: number) => n.toFixed(2);

export async function startIrisFake(options: IrisOptions) {
  const banks = options.banks ?? DEFAULT_BANKS;
  const payouts = new Map<string, IrisPayout>();
  const idempotency = new Map<string, { hash: string; reply: Reply }>();
  const outcomes: IrisOutcome[] = [];
  const notifications: Delivery[] = [];
  const script = new Script<IrisOp, IrisAnswer>();
  const state = { payouts, balance: options.balance ?? 100_000_000, notifications };

  const bad = (status: number, error_message: string, errors: unknown = [error_message]): Reply => ({ status, body: { error_message, errors } });
  const touch = (p: IrisPayout, status: IrisStatus) => Object.assign(p, { status, updated_at: new Date().toISOString().replace(/\.\d+Z$/, "Z") });

  function validatePayout(raw: unknown, i: number): string[] {
    const p = asRecord(raw);
    const errors: string[] = [];
    if (!isNonEmptyString(p.beneficiary_name)) errors.push(`payouts[${i}].beneficiary_name can't be blank`);
    if (!/^\d{6,20}$/.test(String(p.beneficiary_account ?? ""))) errors.push(`payouts[${i}].beneficiary_account is invalid`);
    if (!(String(p.beneficiary_bank) in banks)) errors.push(`payouts[${i}].beneficiary_bank is not supported`);
    if (!/^\d+(\.0{1,2})?$/.test(String(p.amount ?? "")) || Number(p.amount) <= 0) errors.push(`payouts[${i}].amount is invalid`);
    if (!isNonEmptyString(p.notes) || p.notes.length > 100) errors.push(`payouts[${i}].notes is invalid`);
    return errors;
  }

  function create(b: Record<string, unknown>): Reply {
    const list = Array.isArray(b.payouts) ? b.payouts : [];
    const errors = list.length ? list.flatMap(validatePayout) : ["payouts can't be blank"];
    if (errors.length) return bad(400, "An error occurred when creating payouts", errors);
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const created = list.map((raw) => {
      const p = asRecord(raw);
      const payout: IrisPayout = {
        reference_no: randomBytes(9).toString("hex"), beneficiary_name: String(p.beneficiary_name), beneficiary_account: String(p.beneficiary_account),
        beneficiary_bank: String(p.beneficiary_bank), amount: money(Number(p.amount)), notes: String(p.notes), status: "queued", created_at: now, updated_at: now,
        ...(isNonEmptyString(p.beneficiary_email) ? { beneficiary_email: p.beneficiary_email } : {}),
      };
      payouts.set(payout.reference_no, payout);
      return { status: payout.status, reference_no: payout.reference_no };
    });
    return { status: 201, body: { payouts: created } };
  }

  /** Approve or reject: every reference must exist and still be queued, else nothing changes. */
  function decide(b: Record<string, unknown>, approve: boolean): Reply {
    const refs = Array.isArray(b.reference_nos) ? b.reference_nos.map(String) : [];
    if (!refs.length) return bad(400, "reference_nos can't be blank");
    if (approve && options.otp !== undefined && String(b.otp ?? "") !== options.otp) return bad(400, "OTP is invalid");
    if (!approve && !isNonEmptyString(b.reject_reason)) return bad(400, "reject_reason can't be blank");
    const found = refs.map((r) => payouts.get(r));
    if (found.some((p) => !p)) return bad(404, "Payouts not found. Please check reference nos");
    const notQueued = found.filter((p) => p?.status !== "queued").map((p) => p?.reference_no);
    if (notQueued.length) return bad(400, `Reference nos '${notQueued.join("', '")}' are not queued`);
    for (const p of found) {
      if (!p) continue;
      if (!approve) {
        touch(p, "rejected").reject_reason = String(b.reject_reason);
        continue;
      }
      const outcome = outcomes.shift() ?? { status: "completed" };
      const amount = Number(p.amount);
      if (outcome.status === "failed" || amount > state.balance) {
        const code = outcome.status === "failed" ? (outcome.errorCode ?? "002") : "016";
        Object.assign(touch(p, "failed"), { error_code: code, error_message: IRIS_ERRORS[code] ?? "General error" });
      } else {
        state.balance -= amount;
        touch(p, outcome.status);
      }
    }
    return { status: 202, body: { status: "ok" } };
  }

  const details = (ref: string): Reply => {
    const p = payouts.get(ref);
    if (!p) return bad(404, "Payout not found");
    const { beneficiary_bank, reject_reason: _r, ...rest } = p;
    return { status: 200, body: { ...rest, bank: banks[beneficiary_bank] ?? beneficiary_bank, created_by: "creator@saldo.test" } };
  };

  /** Runs a mutating call once per X-Idempotency-Key: a replay answers the first reply, a different body 409. */
  function idempotent(req: LoggedRequest, run: () => Reply): Reply {
    const key = req.headers["x-idempotency-key"];
    if (typeof key !== "string") return run();
    if (key.length > 100) return bad(400, "idempotency-key is too long");
    const hash = createHash("sha256").update(`${req.path}\n${req.rawBody}`).digest("hex");
    const seen = idempotency.get(key);
    if (seen) return seen.hash === hash ? seen.reply : bad(409, "idempotency-key is not unique", "idempotency-key is not unique");
    const reply = run();
    if (reply.status < 500) idempotency.set(key, { hash, reply });
    return reply;
  }

  function handle(req: LoggedRequest): Outcome {
    const auth = basicAuth(req.headers);
    const role = auth?.user === options.creatorKey ? "creator" : auth?.user === options.approverKey ? "approver" : null;
    if (!role) return { reply: { status: 401, body: "HTTP Basic: Access denied", headers: { "www-authenticate": 'Basic realm="Application"' } } };
    const path = req.path.replace(/^\/iris\/api\/v1/, "");
    const denied = bad(401, "You are not authorized to perform this action", [`${role} role is not authorized to perform this action`]);
    const run = (op: IrisOp, work: () => Reply): Outcome => {
      const answer = script.next(op);
      if (answer?.kind === "fail") return { reply: { status: answer.status ?? 400, body: answer.body ?? bad(400, "An error occurred when creating payouts").body } };
      return withFault(isFault(answer) ? answer : undefined, work);
    };
    if (req.method === "POST" && path === "/payouts") {
      if (role !== "creator") return { reply: denied };
      return run("create", () => idempotent(req, () => create(asRecord(req.body))));
    }
    if (req.method === "POST" && (path === "/payouts/approve" || path === "/payouts/reject")) {
      if (role !== "approver") return { reply: denied };
      const approve = path.endsWith("approve");
      return run(approve ? "approve" : "reject", () => idempotent(req, () => decide(asRecord(req.body), approve)));
    }
    if (req.method !== "GET") return { reply: bad(404, "Not found") };
    const ref = /^\/payouts\/([^/]+)$/.exec(path)?.[1];
    if (ref) return run("details", () => details(decodeURIComponent(ref)));
    if (path === "/balance") return { reply: { status: 200, body: { balance: money(state.balance) } } };
    if (path === "/ping") return { reply: { status: 200, body: "pong" } };
    if (path === "/beneficiary_banks") {
      return { reply: { status: 200, body: { beneficiary_banks: Object.entries(banks).map(([code, name]) => ({ code, name })) } } };
    }
    if (path === "/account_validation") {
      const bank = req.query.get("bank") ?? "";
      const account = req.query.get("account") ?? "";
      const name = TEST_ACCOUNTS[`${bank}:${account}`];
      if (!name) return { reply: { status: 400, body: { errors: { account: ["Account does not exist"] } } } };
      return { reply: { status: 200, body: { account_name: name, account_no: account, bank_name: bank } } };
    }
    return { reply: bad(404, "Not found") };
  }

  const server = await startFakeServer(handle);

  /** The notification body for a payout, as Iris sends it (`status` overrides the payout's current one). */
  function notificationBody(referenceNo: string, status?: IrisStatus, overrides: Record<string, unknown> = {}) {
    const p = payouts.get(referenceNo);
    if (!p) throw new Error(`iris fake: no payout ${referenceNo}`);
    const s = status ?? p.status;
    const failed = s === "failed" ? { error_code: p.error_code ?? "004", error_message: p.error_message ?? IRIS_ERRORS["004"] } : {};
    return { reference_no: p.reference_no, amount: p.amount, status: s, updated_at: p.updated_at, ...failed, ...overrides };
  }
  /** POSTs a payout notification; never changes state (so duplicates and stale ones are just more calls). */
  async function notify(referenceNo: string, status?: IrisStatus, opts: IrisNotifyOptions = {}): Promise<Delivery> {
    const to = opts.to ?? options.notificationUrl;
    if (!to) throw new Error("iris fake: no notification URL (pass `to` or notificationUrl)");
    const raw = JSON.stringify(notificationBody(referenceNo, status, opts.overrides));
    const signature = irisSignature(raw, opts.badSignature ? `${options.merchantKey}-wrong` : options.merchantKey);
    const sent = await deliver(to, raw, { "content-type": "application/json", "iris-signature": signature });
    notifications.push(sent);
    return sent;
  }

  return {
    url: `${server.url}/iris`,
    requests: server.requests,
    close: server.close,
    state,
    script: (op: IrisOp, ...answers: IrisAnswer[]) => script.push(op, ...answers),
    /** Queues what the next approved payouts turn into (default: completed). */
    outcome: (...next: IrisOutcome[]) => void outcomes.push(...next),
    /** Moves a payout along (e.g. processed → completed, completed → failed on a bank refund). */
    setStatus(referenceNo: string, status: IrisStatus, errorCode?: string) {
      const p = payouts.get(referenceNo);
      if (!p) throw new Error(`iris fake: no payout ${referenceNo}`);
      touch(p, status);
      if (status === "failed") Object.assign(p, { error_code: errorCode ?? "004", error_message: IRIS_ERRORS[errorCode ?? "004"] ?? "General error" });
    },
    notificationBody,
    notify,
  };
}

export type IrisFake = Awaited<ReturnType<typeof startIrisFake>>;
