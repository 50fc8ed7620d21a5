// Reading payment links: the merchant's own (another merchant's link is "not found"), with totals
// from the links' paid deposits — counted from the deposits themselves, so they never drift from
// what was credited — and the payer's view of one link by its unguessable id.
import { db, type Deposit, type PaymentLink, Prisma } from "../db";
import { AppError } from "../errors";
import { isDepositIdShape } from "../deposits/deposit-id";
import { expireIfDue } from "../deposits/expire-deposit";
import { pageResult, pageSkip, type PageRequest } from "../../lib/pagination";
import { isPaymentLinkIdShape } from "./link-id";
import { linkSummary, NO_TOTALS, type LinkTotals, type PaymentLinkStatus } from "./views";

export const linkNotFound = () => new AppError("NOT_FOUND", "Link pembayaran tidak ditemukan / Payment link not found");

/** Paid payments per link: how many, and what they credited (paid less the fee, as the ledger posted). */
export async function linkTotals(linkIds: string[]): Promise<Map<string, LinkTotals>> {
  const totals = new Map<string, LinkTotals>();
  if (linkIds.length === 0) return totals;
  const rows = await db.deposit.groupBy({
    by: ["paymentLinkId"],
    where: { paymentLinkId: { in: linkIds }, status: "paid" },
    _count: { _all: true },
    _sum: { paidAmount: true, fee: true },
  });
  for (const row of rows) {
    if (!row.paymentLinkId) continue;
    totals.set(row.paymentLinkId, { paidCount: row._count._all, totalPaid: (row._sum.paidAmount ?? 0n) - (row._sum.fee ?? 0n) });
  }
  return totals;
}

/** All of a merchant's link payments together: how many links, how many paid payments, what they credited. */
export async function merchantLinkTotals(merchantId: string) {
  const [links, paid] = await Promise.all([
    db.paymentLink.count({ where: { merchantId } }),
    db.deposit.aggregate({ where: { merchantId, paymentLinkId: { not: null }, status: "paid" }, _count: { _all: true }, _sum: { paidAmount: true, fee: true } }),
  ]);
  return { links, paidCount: paid._count._all, totalPaid: (paid._sum.paidAmount ?? 0n) - (paid._sum.fee ?? 0n) };
}

async function ownLink(merchantId: string, id: string): Promise<PaymentLink> {
  if (!isPaymentLinkIdShape(id)) throw linkNotFound();
  const link = await db.paymentLink.findFirst({ where: { id, merchantId } });
  if (!link) throw linkNotFound();
  return link;
}

/** Which stored rows a status filter means: "expired" and "active" are told apart by `expiresAt`. */
function statusWhere(status: PaymentLinkStatus | undefined, now: Date): Prisma.PaymentLinkWhereInput {
  switch (status) {
    case "active":
      return { status: "active", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
    case "expired":
      return { status: "active", expiresAt: { lte: now } };
    case "inactive":
    case "completed":
      return { status };
    default:
      return {};
  }
}

export async function listPaymentLinks(merchantId: string, { page, pageSize, status }: PageRequest & { status?: PaymentLinkStatus }) {
  const now = new Date();
  const where = { merchantId, ...statusWhere(status, now) };
  const [total, links, overall] = await Promise.all([
    db.paymentLink.count({ where }),
    db.paymentLink.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: pageSkip({ page, pageSize }), take: pageSize }),
    merchantLinkTotals(merchantId),
  ]);
  const totals = await linkTotals(links.map((l) => l.id));
  const items = links.map((link) => linkSummary(link, totals.get(link.id) ?? NO_TOTALS, now));
  return { ...pageResult(items, total, { page, pageSize }), totals: overall };
}

/** A link's payments, newest first; pending ones past their expiry are shown expired. */
async function linkPayments(linkId: string, request: PageRequest) {
  const where = { paymentLinkId: linkId };
  const [total, items] = await Promise.all([
    db.deposit.count({ where }),
    db.deposit.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: pageSkip(request), take: request.pageSize }),
  ]);
  const now = new Date();
  const shown = items.map((d) => (d.status === "pending" && d.expiredAt <= now ? { ...d, status: "expired" } : d));
  return pageResult(shown, total, request);
}

/** The merchant's link with its totals and a page of its payments. */
export async function getPaymentLinkForMerchant(merchantId: string, id: string, payments: PageRequest = { page: 1, pageSize: 20 }) {
  const link = await ownLink(merchantId, id);
  const [totals, page] = await Promise.all([linkTotals([link.id]), linkPayments(link.id, payments)]);
  return { link, totals: totals.get(link.id) ?? NO_TOTALS, payments: page };
}

/** For the REST GET: the link, its totals and every payment (newest first, up to `limit`). */
export async function getPaymentLinkWithPayments(merchantId: string, id: string, limit = 100): Promise<{ link: PaymentLink; totals: LinkTotals; payments: Deposit[] }> {
  const { link, totals, payments } = await getPaymentLinkForMerchant(merchantId, id, { page: 1, pageSize: limit });
  return { link, totals, payments: payments.items };
}

/** For the public page: anyone with the (unguessable) id may see what the link asks and pay it. */
export async function getPaymentLinkForPayer(id: string) {
  if (!isPaymentLinkIdShape(id)) throw linkNotFound();
  const link = await db.paymentLink.findUnique({ where: { id }, include: { merchant: { select: { businessName: true } } } });
  if (!link) throw linkNotFound();
  const { merchant, ...row } = link;
  return { link: row as PaymentLink, merchantName: merchant.businessName };
}

/** A payment of this link, for its payer's page: a deposit of another link (or none) is "not found". */
export async function getLinkPaymentForPayer(linkId: string, depositId: string) {
  if (!isPaymentLinkIdShape(linkId)) throw linkNotFound();
  if (!isDepositIdShape(depositId)) throw new AppError("NOT_FOUND", "Pembayaran tidak ditemukan / Payment not found");
  const deposit = await db.deposit.findFirst({ where: { id: depositId, paymentLinkId: linkId }, include: { merchant: { select: { businessName: true } } } });
  if (!deposit) throw new AppError("NOT_FOUND", "Pembayaran tidak ditemukan / Payment not found");
  const { merchant, ...row } = deposit;
  return { deposit: await expireIfDue(row as Deposit), merchantName: merchant.businessName };
}
