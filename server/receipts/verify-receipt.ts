// The public check behind a receipt's QR code: just enough to tell a real receipt from a forged
// one — the merchant's name, the amount, the date, "valid" — and nothing else. A code with a
// wrong signature, or for a record that is no longer paid/successful, is simply not valid.
import { loadReceipt } from "./find-receipt";
import { readReceiptCode, type ReceiptKind } from "./receipt-code";

export type ReceiptCheck = { valid: false } | { valid: true; kind: ReceiptKind; merchantName: string; amount: bigint; completedAt: Date };

export async function verifyReceipt(code: string): Promise<ReceiptCheck> {
  const named = readReceiptCode(code);
  if (!named) return { valid: false };
  const receipt = await loadReceipt(named.kind, named.id);
  if (!receipt) return { valid: false };
  return { valid: true, kind: receipt.kind, merchantName: receipt.merchantName, amount: receipt.amount, completedAt: receipt.completedAt };
}
