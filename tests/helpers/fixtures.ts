// Small builders for tests: a merchant with accounts, funded through the ledger like a deposit.
import { randomUUID } from "node:crypto";
import { registerMerchant } from "../../server/auth/register-merchant";
import { transaction } from "../../server/db";
import { credit } from "../../server/ledger";

export async function createMerchant(name = "Toko Uji") {
  const email = `m-${randomUUID()}@test.saldo`;
  const { merchantId, userId } = await registerMerchant({ businessName: name, email, password: "password123" });
  return { merchantId, userId, email, password: "password123" };
}

export async function fund(merchantId: string, amount: bigint | number) {
  return transaction((tx) => credit(tx, { merchantId, amount, idempotencyKey: `test-fund:${randomUUID()}`, reference: "test" }));
}
