// The sandbox provider: a test-mode gateway inside Saldo. It issues VA numbers and dynamic
// QRIS payloads, and `simulatePayment` sends a signed callback over real HTTP to Saldo's own
// upstream webhook route — the path a real provider's callback takes.
import { randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import { appUrl, env } from "../../env";
import { AppError } from "../../errors";
import { buildQrisPayload } from "../../qris/emvco";
import { hmacSha512Hex, verifyHmacSha512Hex } from "../../crypto/hmac";
import type { Charge, ChargeRequest, ChargeState, DepositProvider, WebhookTransport } from "../types";

// Real prefixes used by these banks' VA ranges; the rest is random digits.
const VA_PREFIX: Record<string, string> = { VA_BNI: "8808", VA_BRI: "26215", VA_MANDIRI: "89508", VA_PERMATA: "8625" };
const VA_LENGTH = 16;

export function sandboxVaNumber(method: string): string {
  const prefix = VA_PREFIX[method];
  if (!prefix) throw new AppError("VALIDATION", `Sandbox has no virtual account for ${method}`);
  let digits = prefix;
  while (digits.length < VA_LENGTH) digits += String(randomInt(0, 10));
  return digits;
}

const webhookBody = z.object({
  event_id: z.string().min(1).max(200),
  reference: z.string().min(1).max(200),
  amount: z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,13}$/)]),
  paid_at: z.string().datetime({ offset: true }),
});

export const sandboxProvider: DepositProvider = {
  name: "sandbox",
  // Saldo's deposit row is the sandbox's only state: there is nothing to ask.
  hasStatusApi: false,

  async createCharge(request: ChargeRequest): Promise<Charge> {
    if (request.method === "QRIS") {
      // EMVCo caps a QR's reference label at 25 characters, fewer than a deposit id has (`inv_` +
      // 26), so the QR carries the sandbox's own reference: the charge's providerRef, by which a
      // payment naming it finds the deposit.
      const reference = `sbxqr${randomUUID().replace(/-/g, "").slice(0, 20)}`;
      const qrisPayload = buildQrisPayload({
        merchantAccount: { globallyUniqueId: "ID.SALDO.WWW", merchantPan: "9360000812345678901", merchantId: "SALDO0000000001", merchantCriteria: "UMI" },
        merchantCategoryCode: "6012",
        amount: request.total,
        merchantName: `${env.QRIS_MERCHANT_NAME} ${request.merchantName}`,
        merchantCity: env.QRIS_MERCHANT_CITY,
        reference,
      });
      return { providerRef: reference, qrisPayload };
    }
    const vaNumber = sandboxVaNumber(request.method);
    return { providerRef: `sbx_va_${vaNumber}`, vaNumber };
  },

  verifyWebhook(rawBody: string, headers: Headers): boolean {
    return verifyHmacSha512Hex(env.SANDBOX_WEBHOOK_SECRET, rawBody, headers.get("x-signature"));
  },

  parseWebhook(rawBody: string): ChargeState {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new AppError("VALIDATION", "Body is not JSON");
    }
    const parsed = webhookBody.safeParse(json);
    if (!parsed.success) throw new AppError("VALIDATION", `Invalid webhook: ${parsed.error.issues[0]?.message ?? "bad body"}`);
    return {
      kind: "paid",
      eventId: parsed.data.event_id,
      reference: parsed.data.reference,
      amount: BigInt(parsed.data.amount),
      paidAt: new Date(parsed.data.paid_at),
    };
  },

  // Its callbacks are signed by Saldo itself and are the whole truth: acted on as they are.
  async confirm(notification: ChargeState): Promise<ChargeState> {
    return notification;
  },

  async getStatus({ depositId }): Promise<ChargeState> {
    // The sandbox keeps no state of its own: Saldo's deposit row is the truth.
    return { kind: "unknown", reference: depositId, reason: "the sandbox has no status API" };
  },
};

/** Real HTTP to Saldo's own upstream webhook route, as the gateway would call it. */
export const httpTransport: WebhookTransport = (request) => fetch(request, { redirect: "manual", signal: AbortSignal.timeout(10_000) });

/** Signs and sends the sandbox's payment callback to Saldo's webhook route. */
export async function sendSandboxPayment(
  input: { reference: string; amount: bigint; eventId?: string; paidAt?: Date },
  transport: WebhookTransport = httpTransport,
) {
  const body = JSON.stringify({
    event_id: input.eventId ?? `sbx_evt_${randomUUID()}`,
    reference: input.reference,
    amount: Number(input.amount),
    paid_at: (input.paidAt ?? new Date()).toISOString(),
  });
  const response = await transport(
    new Request(`${appUrl()}/api/webhooks/sandbox`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature": hmacSha512Hex(env.SANDBOX_WEBHOOK_SECRET, body) },
      body,
    }),
  );
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text.slice(0, 500) };
  }
  return { status: response.status, body: json };
}
