// The admin's merchants list: every merchant with its available and held balance.
import { db } from "../db";
import { ACCOUNT_TYPES } from "../ledger";
import { pageResult, pageSkip } from "../../lib/pagination";

export async function listMerchants({ page, pageSize, search }: { page: number; pageSize: number; search?: string }) {
  const where = search
    ? { OR: [{ businessName: { contains: search } }, { users: { some: { email: { contains: search.toLowerCase() } } } }] }
    : {};
  const [total, merchants] = await Promise.all([
    db.merchant.count({ where }),
    db.merchant.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: pageSkip({ page, pageSize }),
      take: pageSize,
      include: {
        users: { select: { email: true }, take: 1, orderBy: { createdAt: "asc" } },
        accounts: { select: { type: true, balance: true } },
      },
    }),
  ]);
  return pageResult(
    merchants.map((m) => ({
      id: m.id,
      businessName: m.businessName,
      email: m.users[0]?.email ?? null,
      status: m.status,
      createdAt: m.createdAt,
      available: m.accounts.find((a) => a.type === ACCOUNT_TYPES.MERCHANT_WALLET)?.balance ?? 0n,
      held: m.accounts.find((a) => a.type === ACCOUNT_TYPES.MERCHANT_HOLD)?.balance ?? 0n,
    })),
    total,
    { page, pageSize },
  );
}
