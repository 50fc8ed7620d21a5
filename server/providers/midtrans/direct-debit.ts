// Midtrans' Core API has no debit under a merchant's mandate that Saldo uses, so with
// PAYMENT_PROVIDER=midtrans an auto top-up is refused with a reason the merchant can read (the
// mandate is then marked failing), rather than pretending money was pulled.
import type { DirectDebitProvider } from "../types";

export const midtransDirectDebitProvider: DirectDebitProvider = {
  name: "midtrans",
  debitReference: (mandateId) => `midtrans_dd_${mandateId}`,
  debit: async () => ({
    ok: false,
    reason: "Debit langsung tidak tersedia dengan Midtrans / Direct debit is not available with Midtrans",
  }),
};
