import { apiRoute } from "@/server/http/rest";
import { merchantBalance } from "@/server/ledger";

/** Seed 003: `{ "balance": 100000 }` — the available balance; `pending` is what holds reserve. */
export const GET = apiRoute(async ({ caller }) => {
  const { available, held } = await merchantBalance(caller.merchantId);
  return { body: { balance: Number(available), pending: Number(held) } };
});
