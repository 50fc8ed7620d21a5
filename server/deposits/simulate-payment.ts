// "Simulate payment" (sandbox only): pays a deposit the way a payer would, through the
// sandbox gateway's signed callback to Saldo's own webhook route.
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { sendSimulatedPayment } from "../providers";
import { findDepositByReference } from "./record-provider-payment";
import { rupiahAmount } from "./schemas";

/** Whose deposits the sandbox's callback may pay: its own charges, and bank tickets (it stands in for the bank). */
const SIMULATED_PROVIDERS = new Set(["sandbox", "bank"]);

export const simulatePaymentInput = z.object({ reference: z.string().trim().min(1).max(200), amount: rupiahAmount.optional() });

export async function simulateSandboxPayment(raw: unknown) {
  if (!env.SANDBOX) throw new AppError("NOT_FOUND", "Sandbox is off");
  const input = simulatePaymentInput.parse(raw);
  const deposit = await findDepositByReference(db, input.reference);
  if (!deposit && input.amount === undefined) throw new AppError("NOT_FOUND", "Referensi tidak dikenal / Unknown reference");
  // A real provider's charge (PAYMENT_PROVIDER=midtrans in the demo) is paid in that provider's own simulator.
  if (deposit && !SIMULATED_PROVIDERS.has(deposit.provider)) {
    throw new AppError("VALIDATION", `Deposit ini ditagih lewat ${deposit.provider}; bayar di simulator ${deposit.provider} / This deposit is charged through ${deposit.provider}; pay it in ${deposit.provider}'s own simulator`);
  }
  // A VA is paid by its number, everything else by the deposit id.
  const reference = deposit?.vaNumber && input.reference === deposit.vaNumber ? deposit.vaNumber : (deposit?.id ?? input.reference);
  return sendSimulatedPayment({ reference, amount: input.amount ?? deposit!.total });
}
