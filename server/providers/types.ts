// What every upstream payment provider offers Saldo. The sandbox implements it first; a real
// gateway (Xendit, Midtrans, …) plugs in behind the same four calls.
export type ChargeRequest = {
  depositId: string;
  method: string; // VA_BNI | … | QRIS
  total: bigint;
  expiresAt: Date;
  merchantName: string;
};

export type Charge = { providerRef: string; vaNumber?: string; qrisPayload?: string };

/** A payment as the provider reports it, after its signature was checked. */
export type ProviderPayment = { eventId: string; reference: string; amount: bigint; paidAt: Date };

export interface DepositProvider {
  readonly name: string;
  createCharge(request: ChargeRequest): Promise<Charge>;
  /** Checks the callback's signature over the raw body, in constant time. */
  verifyWebhook(rawBody: string, headers: Headers): boolean;
  /** Parses a verified callback body; throws AppError VALIDATION on a malformed one. */
  parseWebhook(rawBody: string): ProviderPayment;
  getStatus(providerRef: string): Promise<{ status: "pending" | "paid" | "expired" | "unknown"; paidAmount?: bigint }>;
}
