// Batch payouts (issue 15): submit up to 10,000 rows at once, then follow the batch.
import { z } from "zod";
import { batchIdInput, batchRequestInput, batchStatusQuery } from "../withdrawals/batch-schemas";
import { Withdraw } from "./withdraw-operations";
import { restOperation, type ApiOperation } from "./operation";
import { IsoTime, Rupiah } from "./shared";

const Progress = z.object({
  pending: z.number().int().meta({ description: "Rows waiting for the desk" }),
  processing: z.number().int().meta({ description: "Approved rows whose payout is in flight" }),
  success: z.number().int(),
  rejected: z.number().int(),
  decided: z.number().int().meta({ description: "Rows no longer pending" }),
  total: z.number().int(),
});

const batchFields = {
  batch_id: z.string(),
  row_count: z.number().int(),
  total_amount: Rupiah,
  total_fee: Rupiah,
  total_deduct: Rupiah,
  status: z.enum(["pending", "processing", "completed"]).meta({ description: "pending: rows wait for the desk; processing: all decided, payouts in flight; completed: every row success or rejected" }),
  progress: Progress,
  created_at: IsoTime,
  completed_at: IsoTime.nullable(),
};

const BatchSubmitted = z
  .object({ success: z.literal(true), message: z.literal("Batch penarikan berhasil diajukan"), ...batchFields, new_balance: Rupiah.meta({ description: "Available balance after the reservation" }) })
  .meta({ id: "PayoutBatchSubmitted" });

const BatchRow = z.object({ row: z.number().int().meta({ description: "1-based row of the submitted file" }), note: z.string().nullable(), reference: z.string().nullable() }).extend(Withdraw.shape);

const BatchStatus = z
  .object({
    success: z.literal(true),
    ...batchFields,
    rows: z.array(BatchRow),
    pagination: z.object({ page: z.number().int(), limit: z.number().int(), total: z.number().int(), total_pages: z.number().int() }),
  })
  .meta({ id: "PayoutBatch" });

const batchExample = {
  batch_id: "b65a1b2c3d4e5f60718293a4b",
  row_count: 2,
  total_amount: 350000,
  total_fee: 3500,
  total_deduct: 353500,
  status: "pending" as const,
  progress: { pending: 2, processing: 0, success: 0, rejected: 0, decided: 0, total: 2 },
  created_at: "2025-01-15T10:30:00.000Z",
  completed_at: null,
};

export const batchOperations: ApiOperation[] = [
  restOperation("requestWithdrawBatch", "post /api/v1/withdraw/batch", {
    group: "withdrawals",
    summary: { id: "Buat batch withdraw", en: "Request a batch payout" },
    description: {
      id: "Hingga 10.000 baris sekaligus. Semua baris divalidasi dulu (aturan sama dengan withdraw tunggal); jika ada yang salah, tidak ada yang ditahan dan `rows` menyebut baris dan kesalahannya. Duplikat (metode + rekening + nominal sama di file atau 24 jam terakhir) perlu `confirmDuplicates: true`. Total semua baris (nominal + biaya) ditahan sekaligus, atau tidak sama sekali bila saldo kurang (`shortfall`). Setiap baris menjadi withdraw biasa yang menunggu persetujuan admin. Gunakan header Idempotency-Key.",
      en: "Up to 10,000 rows at once. Every row is validated first (the single withdrawal's rules); when any is wrong nothing is reserved and `rows` lists each row's errors. Duplicates (same method + account + amount in the file or in the last 24 h) need `confirmDuplicates: true`. The total of all rows (amount + fee) is reserved in one go, or not at all when the balance is short (`shortfall`). Each row becomes a normal withdrawal awaiting an admin. Send an Idempotency-Key header.",
    },
    body: batchRequestInput,
    example: {
      body: {
        rows: [
          { amount: 100000, method: "dana", accountNumber: "081234567890", accountName: "Budi Santoso", note: "Komisi Januari", reference: "INV-001" },
          { amount: 250000, method: "bca", accountNumber: "1234567890", accountName: "Siti Aminah" },
        ],
      },
    },
    response: BatchSubmitted,
    responseExample: { success: true, message: "Batch penarikan berhasil diajukan", ...batchExample, new_balance: 646500 },
    errors: [400, 409],
  }),
  restOperation("getWithdrawBatch", "get /api/v1/withdraw/batch/{id}", {
    group: "withdrawals",
    summary: { id: "Status batch withdraw", en: "Batch payout status" },
    description: { id: "Kemajuan batch (baris per status) dan halaman baris sesuai urutan file.", en: "The batch's progress (rows per status) and a page of its rows in file order." },
    pathParams: batchIdInput,
    query: batchStatusQuery,
    example: { path: { id: "{{batchId}}" }, query: { page: "1", limit: "100" } },
    response: BatchStatus,
    responseExample: {
      success: true,
      ...batchExample,
      rows: [
        {
          row: 1,
          note: "Komisi Januari",
          reference: "INV-001",
          withdraw_id: "65a1b2c3d4e5f60718293a4b",
          amount: 100000,
          fee: 1000,
          total_deduct: 101000,
          status: "pending",
          method: "dana",
          account_number: "081234567890",
          account_name: "Budi Santoso",
          admin_note: null,
          created_at: "2025-01-15T10:30:00.000Z",
          processed_at: null,
        },
      ],
      pagination: { page: 1, limit: 100, total: 2, total_pages: 1 },
    },
    errors: [400, 404],
  }),
];
