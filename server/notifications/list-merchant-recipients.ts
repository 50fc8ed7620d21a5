// Who belongs to a merchant for notification mail: its members (any role), oldest first.
import { db, type Db, type Tx } from "../db";

export type MerchantRecipient = { userId: string; email: string; name: string; locale: string };

export async function listMerchantRecipients(merchantId: string, client: Tx | Db = db): Promise<MerchantRecipient[]> {
  const members = await client.membership.findMany({
    where: { merchantId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { user: { select: { id: true, email: true, name: true, locale: true } } },
  });
  return members.map(({ user: u }) => ({ userId: u.id, email: u.email, name: u.name, locale: u.locale }));
}
