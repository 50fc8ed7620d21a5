// Who belongs to a merchant for notification mail. Today a merchant's users are the users with
// User.merchantId; the teams work switches this one function to memberships.
import { db, type Db, type Tx } from "../db";

export type MerchantRecipient = { userId: string; email: string; name: string; locale: string };

export async function listMerchantRecipients(merchantId: string, client: Tx | Db = db): Promise<MerchantRecipient[]> {
  const users = await client.user.findMany({
    where: { merchantId },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, locale: true },
  });
  return users.map((u) => ({ userId: u.id, email: u.email, name: u.name, locale: u.locale }));
}
