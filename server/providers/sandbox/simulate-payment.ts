// "Simulate payment" (sandbox only): pays a deposit the way a payer would, through the
// sandbox gateway's signed callback to Saldo's own webhook route.
import { z } from "zod";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { rupiahAmount } from "../../deposits/schemas";
import { findDepositByReference } from "../../deposits/record-provider-payment";
import { sendSandboxPayment } from ".";

export const simulatePaymentInput = z.object({ reference: z.string().trim().min(1).max(200), amount: rupiahAmount.optional() });

export async function simulateSandboxPayment(raw: unknown) {
  if (!env.SANDBOX) throw new AppError("NOT_FOUND", "Sandbox is off");
  const input = simulatePaymentInput.parse(raw);
  const deposit = await findDepositByReference(db, input.reference);
  if (!deposit && input.amount === undefined) throw new AppError("NOT_FOUND", "Referensi tidak dikenal / Unknown reference");
  // A VA is paid by its number, everything else by the deposit id.
  const reference = deposit?.vaNumber && input.reference === deposit.vaNumber ? deposit.vaNumber : (deposit?.id ?? input.reference);
  return sendSandboxPayment({ reference, amount: input.amount ?? deposit!.total });
}
