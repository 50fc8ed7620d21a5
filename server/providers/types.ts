// Every upstream provider interface, and nothing else: adapters (server/providers/<name>/)
// implement these, domain use cases reach them through the registry (./index.ts).

/** A cheap authenticated call that proves the provider answers with these credentials (`npm run doctor`). */
export type HealthCheck = () => Promise<string>;

// Taking payments in: what every payment gateway offers Saldo. The sandbox implements it first;
// a real gateway (Midtrans Core API, …) plugs in behind the same calls: create a charge, verify
// and read its notification, confirm it, and ask the charge's status.
export type ChargeRequest = {
  depositId: string;
  method: string; // VA_BNI | … | QRIS
  total: bigint;
  expiresAt: Date;
  merchantName: string;
};

export type Charge = {
  providerRef: string;
  /** The VA number, or Mandiri's bill key (then with `billerCode`). Always the provider's, never a guess. */
  vaNumber?: string;
  /** Mandiri bill payment: the biller (company) code the payer enters before the bill key. */
  billerCode?: string;
  qrisPayload?: string;
};

/** A payment as the provider reports it, after its signature was checked. */
export type ProviderPayment = { eventId: string; reference: string; amount: bigint; paidAt: Date };

/**
 * What a provider says about one charge, from a verified notification or from its status API.
 * `reference` names the deposit as the provider does (Saldo's deposit id, a VA number, or the
 * provider's own reference); `eventId` is stable per provider event, so a repeat is recognised.
 * `payload` is the provider's own words (raw JSON), kept with the recorded event.
 */
export type ChargeState = (
  | ({ kind: "paid" } & ProviderPayment)
  /** Closed unpaid by the provider's clock. */
  | { kind: "expired"; eventId: string; reference: string; amount?: bigint }
  /** Closed unpaid otherwise (denied, cancelled, failed at the provider). */
  | { kind: "failed"; eventId: string; reference: string; reason: string; amount?: bigint }
  | { kind: "pending"; reference: string }
  /** Nothing for Saldo to do (e.g. a refund after payment: an admin decides), and why. */
  | { kind: "ignored"; reference: string; reason: string }
  /** The provider could not be asked or could not answer (timeout, 5xx, no status API): ask again later. */
  | { kind: "unknown"; reference: string; reason: string }
) & { payload?: string };

export interface DepositProvider {
  readonly name: string;
  /**
   * True when `getStatus` really asks the provider: the worker then checks pending charges at 5,
   * 15 and 60 minutes and at expiry, so a lost notification costs minutes, not money.
   */
  readonly hasStatusApi: boolean;
  /** Creates the charge; throws when none was created (or none can be shown to the payer). */
  createCharge(request: ChargeRequest): Promise<Charge>;
  /** Checks the callback's signature in constant time. */
  verifyWebhook(rawBody: string, headers: Headers): boolean;
  /** Reads a verified callback body; throws AppError VALIDATION on a malformed one. */
  parseWebhook(rawBody: string): ChargeState;
  /**
   * The state to act on for a verified notification: a provider with a status API asks it (the
   * notification only says "look"); one without returns the notification as it is.
   */
  confirm(notification: ChargeState): Promise<ChargeState>;
  /** The provider's current word on a deposit's charge; `unknown` when it cannot say. */
  getStatus(charge: { depositId: string; providerRef: string | null }): Promise<ChargeState>;
  healthCheck?: HealthCheck;
}

/** How a provider's callback reaches Saldo's upstream webhook route (real HTTP, or a test's direct call). */
export type WebhookTransport = (request: Request) => Promise<Response>;

// Sending money out: what every payout provider offers Saldo (a disbursement API such as
// Midtrans Payouts, Xendit, Flip, or a bank's H2H).
export type PayoutRequest = {
  /** Saldo's withdrawal id; a real provider receives it as its idempotency key, so a retry never pays twice. */
  withdrawalId: string;
  method: string;
  accountNumber: string;
  accountName: string;
  amount: bigint;
};

/**
 * What a payout provider says about a payout ("never guess, always ask"):
 * - `paid`: the money reached the beneficiary (the hold is posted);
 * - `sent`: the provider has it in flight (queued, approved, processed); the final word comes by
 *   notification or by asking again;
 * - `refused`: definitely not paid and never will be (the funds go back), with a reason the
 *   merchant may read;
 * - `unknown`: the provider could not be heard (timeout, 5xx, an unreadable answer): the money
 *   stays held and the provider is asked again later. A thrown error means the same.
 * `reference` is the provider's own id for the payout, whenever it is known.
 */
export type PayoutResult =
  | { status: "paid"; reference: string }
  | { status: "sent"; reference: string }
  | { status: "refused"; reason: string; reference?: string }
  | { status: "unknown"; problem: string; reference?: string };

/** The outcomes that settle a withdrawal for good. */
export type PayoutSettlement = Extract<PayoutResult, { status: "paid" | "refused" }>;

/**
 * A payout already handed to the provider, to ask about: its reference when one was learned,
 * else (the create's answer was lost) the original request, to be repeated under the same
 * idempotency key. `sentAt` is when it was first sent.
 */
export type PayoutInquiry = PayoutRequest & { reference: string | null; sentAt: Date };

/** Besides a PayoutResult, asking may end in `unanswerable`: the provider cannot tell, an admin must. */
export type PayoutStatus = PayoutResult | { status: "unanswerable"; problem: string; reference?: string };

/** Called by an adapter as soon as it learns the provider's reference, before it asks for more. */
export type PayoutHooks = { onReference?: (reference: string) => Promise<void> };

/**
 * A payout notification after its signature was checked. `ignored`: a notification of another
 * kind (e.g. a balance top-up), nothing to do.
 */
export type PayoutNotification =
  | { kind: "payout"; reference: string; result: Exclude<PayoutResult, { status: "unknown" }>; providerStatus: string; amount?: bigint }
  | { kind: "ignored"; reason: string };

export interface PayoutProvider {
  readonly name: string;
  /** False for a withdrawal method this provider cannot pay out to (then it is not offered). */
  supportsMethod?(method: string): boolean;
  /** Sends a payout. Must be safe to repeat with the same `withdrawalId` (idempotent). */
  sendPayout(request: PayoutRequest, hooks?: PayoutHooks): Promise<PayoutResult>;
  /** Asks about a payout sent earlier, finishing what `sendPayout` could not (e.g. an approval). */
  checkPayout?(inquiry: PayoutInquiry, hooks?: PayoutHooks): Promise<PayoutStatus>;
  /** Checks a notification's signature over the raw body, in constant time. */
  verifyNotification?(rawBody: string, headers: Headers): boolean;
  /** Reads a verified notification; throws AppError VALIDATION on a malformed one. */
  parseNotification?(rawBody: string): PayoutNotification;
  healthCheck?: HealthCheck;
}

// Where prepaid products come from: what every supplier (an IAK-like aggregator, an operator's
// H2H) offers Saldo.
export type SupplierOrder = {
  trId: number;
  refId: string;
  productCode: string;
  productType: string;
  customerId: string;
  price: bigint;
  createdAt: Date;
};

/** When to ask for the result, and the supplier's own reference. */
export type SupplierTicket = { supplierRef: string; checkAfter: Date };

/**
 * What the supplier says about an order. `pending` also covers "could not ask" (timeout, 5xx,
 * garbage): the order stays in PROCESS with its money held and is asked again — never guessed.
 */
export type SupplierOutcome =
  | { status: "pending"; checkAfter: Date }
  /** `cost`: what the supplier charged Saldo, when it says so (the rest of the price is Saldo's margin). */
  | { status: "success"; sn: string; cost?: bigint }
  /**
   * `alert`: the failure is Saldo's own problem at the supplier (its deposit there ran out, wrong
   * credentials, IP not whitelisted…), not the merchant's: the order still fails and is refunded,
   * and admins are told loudly.
   */
  | { status: "failed"; reason: string; alert?: string };

/** A PLN prepaid meter's holder, as an inquiry shows it before buying. */
export type PlnCustomer = { meterNo: string; subscriberId: string; name: string; tariff: string; power: number };

/**
 * A supplier's callback after its signature was checked: which order it names (Saldo's trId, null
 * when the reference is not one Saldo issued, and the reference the supplier knows it by). Never
 * its outcome — that is asked with `status()`.
 */
export type SupplierCallback =
  | { ok: true; trId: number | null; supplierRef: string }
  | { ok: false; reason: "signature" | "malformed" | "unsupported" };

/** One item of a supplier's price list, in Saldo's product types where one fits (pulsa, data, pln, games, etoll). */
export type SupplierProduct = {
  code: string;
  type: string;
  /** The operator as the supplier names it (IAK's product_description, e.g. "Telkomsel"). */
  operatorName: string;
  /** The nominal as the supplier writes it ("10000", "12 Diamonds", "Flash 1GB"). */
  nominal: string;
  details: string;
  price: bigint;
  active: boolean;
};

export interface PrepaidSupplier {
  readonly name: string;
  /**
   * Takes a new order. Called inside the transaction that creates it, so it must have no effect
   * of its own outside that transaction (a real supplier is called from the worker instead).
   */
  accept(order: SupplierOrder, now: Date): SupplierTicket;
  /**
   * The order's result, asked by the worker once `checkAfter` has passed. A real supplier places
   * the order on the first call; every later call only asks (it must never buy twice).
   */
  result(order: SupplierOrder & { supplierRef: string | null }): Promise<SupplierOutcome>;
  /** Only asks about an order the supplier was already sent (after its callback); never places one. */
  status(order: SupplierOrder & { supplierRef: string | null }): Promise<SupplierOutcome>;
  /** Checks a callback's signature over the raw body, in constant time, and names its order. */
  verifyCallback(rawBody: string): SupplierCallback;
  /** A PLN meter's holder, or null when the meter does not exist. */
  inquiryPln(meterNo: string): Promise<PlnCustomer | null>;
  /** The supplier's whole price list, or null when it has none to offer (the sandbox). */
  pricelist(): Promise<SupplierProduct[] | null>;
  healthCheck?: HealthCheck;
}

// Pulling money from a merchant's own bank account under a mandate (auto top-up). The debit is
// a deposit like any other: its result arrives as a payment callback on the provider's route.
export type DirectDebitRequest = { depositId: string; accountNumber: string; amount: bigint };

/** `ok: false` is a definite refusal by the source account, with a reason to show the merchant. */
export type DirectDebitResult = { ok: true } | { ok: false; reason: string };

export interface DirectDebitProvider {
  readonly name: string;
  /** The provider's reference for debits under this mandate, stored on the deposit it pulls into. */
  debitReference(mandateId: string): string;
  debit(request: DirectDebitRequest): Promise<DirectDebitResult>;
}
