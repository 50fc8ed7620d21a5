// One merchant as the admin's merchant page shows it: profile, status and balances.
import { db } from "../db";
import { AppError } from "../errors";
import { balanceOf } from "../ledger";

export async function getMerchantDetail(merchantId: string) {
  const merchant = await db.merchant.findUnique({
    where: { id: merchantId },
    select: {
      id: true,
      businessName: true,
      phone: true,
      status: true,
      suspendedReason: true,
      autoApproveWithdrawalsUpTo: true,
      createdAt: true,
      users: { select: { email: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  if (!merchant) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
  const { users, ...rest } = merchant;
  return { ...rest, email: users[0]?.email ?? null, balance: await balanceOf(db, merchantId) };
}
