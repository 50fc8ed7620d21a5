// Treasury inputs, shared by the use cases and the tRPC router (the single source of input truth).
import { z } from "zod";
import { rupiah } from "../ledger";

/** A sweep rule (seed 001 "Overbooking dari Saldo Transaksi Masuk"): a share of yesterday's settlement, or a floor for the deposit. */
export const sweepRuleInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("percent_of_yesterday"), percentBps: z.number().int().min(1).max(10_000), runAtMinute: z.number().int().min(0).max(1439).default(540) }),
  z.object({ kind: z.literal("keep_minimum"), minimumBalance: rupiah, runAtMinute: z.number().int().min(0).max(1439).default(540) }),
]);

/** A direct-debit mandate: the bank account to pull from, the balance to refill to, and a monthly cap. */
export const mandateInput = z.object({
  bankCode: z.enum(["bca", "bni", "bri", "mandiri", "permata"], { message: "Bank tidak didukung / Unsupported bank" }),
  accountNumber: z.string().trim().regex(/^\d{8,16}$/, "Nomor rekening 8–16 digit / Account number must be 8–16 digits"),
  accountName: z.string().trim().min(2, "Nama pemilik rekening wajib diisi / Account name is required").max(100),
  targetBalance: rupiah,
  monthlyCap: rupiah,
});
