import { z } from "zod";
import { withdrawHistoryInput, withdrawIdInput, withdrawRequestInput } from "../withdrawals/schemas";
import { restOperation, type ApiOperation } from "./operation";
import { IsoTime, Rupiah } from "./shared";

const status = z.enum(["pending", "success", "rejected"]);
export const Withdraw = z
  .object({
    withdraw_id: z.string(),
    amount: Rupiah,
    fee: Rupiah,
    total_deduct: Rupiah,
    status,
    method: z.string(),
    account_number: z.string(),
    account_name: z.string(),
    admin_note: z.string().nullable(),
    created_at: IsoTime,
    processed_at: IsoTime.nullable(),
  })
  .meta({ id: "Withdraw" });

const WithdrawRequested = z
  .object({
    success: z.literal(true),
    message: z.literal("Permintaan penarikan berhasil diajukan"),
    withdraw_id: z.string(),
    amount: Rupiah,
    fee: Rupiah,
    total_deduct: Rupiah,
    new_balance: Rupiah.meta({ description: "Available balance after the reservation" }),
    status,
    created_at: IsoTime,
  })
  .meta({ id: "WithdrawRequested" });

const example = {
  withdraw_id: "65a1b2c3d4e5f60718293a4b",
  amount: 100000,
  fee: 1000,
  total_deduct: 101000,
  status: "success" as const,
  method: "dana",
  account_number: "081234567890",
  account_name: "John Doe",
  admin_note: null,
  created_at: "2025-01-15T10:30:00.000Z",
  processed_at: "2025-01-15T14:20:00.000Z",
};

export const withdrawOperations: ApiOperation[] = [
  restOperation("requestWithdraw", "post /api/v1/withdraw", {
    group: "withdrawals",
    summary: { id: "Buat permintaan withdraw", en: "Request a withdrawal" },
    description: {
      id: "Ajukan penarikan dana (default DANA). Total (nominal + biaya) langsung ditahan; admin menyetujui (success) atau menolak (rejected).",
      en: "Requests a payout (DANA by default). The total (amount + fee) is reserved at once; an admin approves (success) or rejects (rejected).",
    },
    body: withdrawRequestInput,
    example: { body: { amount: 10000, accountNumber: "081234567890", accountName: "John Doe" } },
    response: WithdrawRequested,
    responseExample: { success: true, message: "Permintaan penarikan berhasil diajukan", withdraw_id: example.withdraw_id, amount: 100000, fee: 1000, total_deduct: 101000, new_balance: 899000, status: "pending", created_at: example.created_at },
    errors: [400, 409],
  }),
  restOperation("getWithdrawStatus", "get /api/v1/withdraw/status", {
    group: "withdrawals",
    summary: { id: "Cek status withdraw", en: "Withdrawal status" },
    description: { id: "Status real-time dari permintaan withdraw.", en: "The real-time status of a withdrawal." },
    query: withdrawIdInput,
    example: { query: { withdraw_id: "{{withdrawId}}" } },
    response: z.object({ success: z.literal(true) }).extend(Withdraw.shape).meta({ id: "WithdrawStatus" }),
    responseExample: { success: true, ...example },
    errors: [400, 404],
  }),
  restOperation("listWithdrawHistory", "get /api/v1/withdraw/history", {
    group: "withdrawals",
    summary: { id: "Riwayat withdraw", en: "Withdrawal history" },
    description: { id: "Daftar riwayat withdraw dengan pagination dan filter status.", en: "Withdrawal history with pagination and a status filter." },
    query: withdrawHistoryInput,
    example: { query: { page: "1", limit: "10" } },
    response: z
      .object({ success: z.literal(true), data: z.array(Withdraw), pagination: z.object({ page: z.number().int(), limit: z.number().int(), total: z.number().int(), total_pages: z.number().int() }) })
      .meta({ id: "WithdrawHistory" }),
    responseExample: { success: true, data: [example], pagination: { page: 1, limit: 10, total: 5, total_pages: 1 } },
    errors: [400],
  }),
];
