// A receipt (bukti) for a paid deposit, a successful withdrawal or a successful prepaid order,
// for the merchant it belongs to. Anything else — another merchant's record, an open or failed
// one, an id that does not exist — is "not found", the same answer whatever the reason.
import { appUrl } from "../env";
import { db } from "../db";
import { AppError } from "../errors";
import { methodName } from "../deposits/methods";
import { isWithdrawMethod, withdrawMethod } from "../withdrawals/methods";
import { receiptCode, type ReceiptKind } from "./receipt-code";

export type Receipt = {
  kind: ReceiptKind;
  id: string;
  merchantName: string;
  /** The amount the receipt is for (top-up, withdrawal, product price), its fee, and what moved in total. */
  amount: bigint;
  fee: bigint;
  total: bigint;
  method: string;
  /** Reference lines: Saldo's id first, then the provider's or the merchant's own. */
  references: { label: "saldo" | "provider" | "merchant" | "serial" | "customer" | "product" | "destination"; value: string }[];
  createdAt: Date;
  completedAt: Date;
  code: string;
  verifyUrl: string;
};

export const receiptNotFound = () => new AppError("NOT_FOUND", "Bukti tidak ditemukan / Receipt not found");

const withCode = (receipt: Omit<Receipt, "code" | "verifyUrl">): Receipt => {
  const code = receiptCode(receipt.kind, receipt.id);
  return { ...receipt, code, verifyUrl: `${appUrl()}/r/${code}` };
};

/** The receipt, whoever asks; only the merchant check in `findReceipt` and the public view decide what is shown. */
export async function loadReceipt(kind: ReceiptKind, id: string): Promise<(Receipt & { merchantId: string }) | null> {
  if (kind === "deposit") {
    const d = await db.deposit.findUnique({ where: { id }, include: { merchant: { select: { businessName: true } } } });
    if (!d || d.status !== "paid" || !d.paidAt) return null;
    const paid = d.paidAmount ?? d.total;
    return {
      ...withCode({
        kind,
        id: d.id,
        merchantName: d.merchant.businessName,
        amount: d.creditAmount,
        fee: paid - d.creditAmount,
        total: paid,
        method: methodName(d.method),
        references: [{ label: "saldo", value: d.id }, ...(d.providerRef ? [{ label: "provider" as const, value: d.providerRef }] : [])],
        createdAt: d.createdAt,
        completedAt: d.paidAt,
      }),
      merchantId: d.merchantId,
    };
  }
  if (kind === "withdrawal") {
    const w = await db.withdrawal.findUnique({ where: { id }, include: { merchant: { select: { businessName: true } } } });
    if (!w || w.status !== "success") return null;
    return {
      ...withCode({
        kind,
        id: w.id,
        merchantName: w.merchant.businessName,
        amount: w.amount,
        fee: w.fee,
        total: w.totalDeduct,
        method: isWithdrawMethod(w.method) ? withdrawMethod(w.method).name : w.method,
        references: [
          { label: "saldo", value: w.id },
          { label: "destination", value: `${w.accountNumber} · ${w.accountName}` },
          ...(w.payoutRef ? [{ label: "provider" as const, value: w.payoutRef }] : []),
        ],
        createdAt: w.createdAt,
        completedAt: w.processedAt ?? w.updatedAt,
      }),
      merchantId: w.merchantId,
    };
  }
  // A prepaid order's tr_id is a 32-bit integer: anything larger names no order (and would fail the query on PostgreSQL).
  if (!/^\d{1,10}$/.test(id) || Number(id) > 2_147_483_647) return null;
  const o = await db.prepaidOrder.findUnique({ where: { trId: Number(id) }, include: { merchant: { select: { businessName: true } } } });
  if (!o || o.status !== 1) return null;
  return {
    ...withCode({
      kind,
      id: String(o.trId),
      merchantName: o.merchant.businessName,
      amount: o.price,
      fee: 0n,
      total: o.price,
      method: "Saldo",
      references: [
        { label: "saldo", value: String(o.trId) },
        { label: "merchant", value: o.refId },
        { label: "product", value: o.productCode },
        { label: "customer", value: o.customerId },
        ...(o.sn ? [{ label: "serial" as const, value: o.sn }] : []),
      ],
      createdAt: o.createdAt,
      completedAt: o.completedAt ?? o.updatedAt,
    }),
    merchantId: o.merchantId,
  };
}

export async function findReceipt(input: { merchantId: string; kind: ReceiptKind; id: string }): Promise<Receipt> {
  const receipt = await loadReceipt(input.kind, input.id);
  if (!receipt || receipt.merchantId !== input.merchantId) throw receiptNotFound();
  const { merchantId: _owner, ...visible } = receipt;
  return visible;
}
