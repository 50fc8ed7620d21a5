// How a payment link looks to its merchant (portal, REST) and to a payer (the public page).
// A link's "expired" is read from `expiresAt`, never stored: no worker has to flip it.
import type { Deposit, PaymentLink } from "../db";
import { appUrl } from "../env";
import { METHODS, type MethodConfig } from "../deposits/methods";
import { topupView } from "../deposits/views";

export const PAYMENT_LINK_STATUSES = ["active", "inactive", "expired", "completed"] as const;
export type PaymentLinkStatus = (typeof PAYMENT_LINK_STATUSES)[number];

/** The ways a payer may pay a link: QRIS or a virtual account (a bank ticket's unique code does not fit a shared link). */
export const LINK_METHOD_CODES = ["QRIS", "VA_BNI", "VA_BRI", "VA_MANDIRI", "VA_PERMATA"] as const;
export type LinkMethodCode = (typeof LINK_METHOD_CODES)[number];

export function linkMethods(): MethodConfig[] {
  return METHODS.filter((m) => (LINK_METHOD_CODES as readonly string[]).includes(m.code));
}

export function effectiveLinkStatus(link: Pick<PaymentLink, "status" | "expiresAt">, now = new Date()): PaymentLinkStatus {
  if (link.status === "completed" || link.status === "inactive") return link.status;
  if (link.expiresAt && link.expiresAt <= now) return "expired";
  return "active";
}

export function paymentLinkUrl(id: string): string {
  return `${appUrl()}/l/${id}`;
}

/** The amounts a payer may pay: the fixed amount, or the open range. */
export function linkRange(link: Pick<PaymentLink, "amount" | "minAmount" | "maxAmount">): { min: bigint; max: bigint } {
  if (link.amount !== null) return { min: link.amount, max: link.amount };
  return { min: link.minAmount ?? 1n, max: link.maxAmount ?? 1n };
}

/** The methods whose limits admit some amount of the link (a fixed Rp 5.000 link offers no VA: its minimum is Rp 10.000). */
export function methodsForLink(link: Pick<PaymentLink, "amount" | "minAmount" | "maxAmount">): MethodConfig[] {
  const { min, max } = linkRange(link);
  return linkMethods().filter((m) => m.min <= max && m.max >= min);
}

export type LinkTotals = { paidCount: number; totalPaid: bigint };
export const NO_TOTALS: LinkTotals = { paidCount: 0, totalPaid: 0n };

/** What the merchant sees of a link (portal), with its totals: paid payments and what they credited. */
export function linkSummary(link: PaymentLink, totals: LinkTotals, now = new Date()) {
  return {
    id: link.id,
    url: paymentLinkUrl(link.id),
    description: link.description,
    amount: link.amount,
    minAmount: link.minAmount,
    maxAmount: link.maxAmount,
    singleUse: link.singleUse,
    status: effectiveLinkStatus(link, now),
    expiresAt: link.expiresAt,
    createdAt: link.createdAt,
    completedAt: link.completedAt,
    deactivatedAt: link.deactivatedAt,
    paidCount: totals.paidCount,
    totalPaid: totals.totalPaid,
  };
}
export type PaymentLinkSummary = ReturnType<typeof linkSummary>;

const n = (value: bigint | null) => (value === null ? null : Number(value));

/** The REST shape (`POST /api/v1/payment-links`, `GET /api/v1/payment-links/{id}`): snake_case, times ISO 8601 UTC. */
export function paymentLinkRestView(link: PaymentLink, totals: LinkTotals, payments?: Deposit[]) {
  return {
    id: link.id,
    url: paymentLinkUrl(link.id),
    status: effectiveLinkStatus(link),
    description: link.description,
    amount: n(link.amount),
    min_amount: n(link.minAmount),
    max_amount: n(link.maxAmount),
    single_use: link.singleUse,
    expires_at: link.expiresAt?.toISOString() ?? null,
    created_at: link.createdAt.toISOString(),
    completed_at: link.completedAt?.toISOString() ?? null,
    paid_count: totals.paidCount,
    total_paid: Number(totals.totalPaid),
    // Each payment as `GET /api/v1/topup/{id}` shows it.
    ...(payments ? { payments: payments.map(topupView) } : {}),
  };
}

/**
 * What a payer's page needs, and nothing more: to whom, for what, how much (or the range), until
 * when, and how to pay. No merchant id, no totals, no other payments.
 */
export function payerLinkView(link: PaymentLink, merchantName: string, now = new Date()) {
  return {
    id: link.id,
    merchantName,
    description: link.description,
    amount: link.amount?.toString() ?? null,
    minAmount: link.minAmount?.toString() ?? null,
    maxAmount: link.maxAmount?.toString() ?? null,
    singleUse: link.singleUse,
    status: effectiveLinkStatus(link, now),
    expiresAt: link.expiresAt?.toISOString() ?? null,
    methods: methodsForLink(link).map((m) => ({ code: m.code, name: m.name, flat: m.flat.toString(), bps: m.bps.toString(), min: m.min.toString(), max: m.max.toString() })),
  };
}
export type PayerLinkView = ReturnType<typeof payerLinkView>;
