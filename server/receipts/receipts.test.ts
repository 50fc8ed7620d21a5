// Receipts: only the owner sees one, only a finished record has one, the verification code
// cannot be forged or moved to another record, and the PDF is a PDF.
import { describe, expect, it } from "vitest";
import { createMerchant, fund } from "../../tests/helpers/fixtures";
import { transaction } from "../db";
import { AppError } from "../errors";
import { createDeposit } from "../deposits/create-deposit";
import { markDepositPaid } from "../deposits/mark-deposit-paid";
import { approveWithdrawal } from "../withdrawals/approve-withdrawal";
import { requestWithdrawal } from "../withdrawals/request-withdrawal";
import { findReceipt } from "./find-receipt";
import { readReceiptCode, receiptCode } from "./receipt-code";
import { renderReceiptPdf } from "./render-receipt-pdf";
import { verifyReceipt } from "./verify-receipt";

const actor = { type: "SYSTEM" as const };
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe("receipts", () => {
  it("a paid deposit has a receipt its merchant sees, nobody else does, and the PDF renders", async () => {
    const owner = await createMerchant("Toko Bukti");
    const stranger = await createMerchant("Toko Lain");
    const deposit = await createDeposit({ merchantId: owner.merchantId, method: "VA_BNI", amount: 150_000, actor });
    // Not paid yet: no receipt.
    expect(await codeOf(findReceipt({ merchantId: owner.merchantId, kind: "deposit", id: deposit.id }))).toBe("NOT_FOUND");
    await transaction((tx) => markDepositPaid(tx, deposit, { paidAmount: deposit.total, paidAt: new Date(), actor }));

    const receipt = await findReceipt({ merchantId: owner.merchantId, kind: "deposit", id: deposit.id });
    expect(receipt).toMatchObject({ kind: "deposit", id: deposit.id, merchantName: "Toko Bukti", amount: 150_000n, fee: deposit.fee, total: deposit.total, method: "Virtual Account BNI" });
    expect(receipt.verifyUrl).toMatch(new RegExp(`/r/${receipt.code}$`));
    expect(receipt.code.length).toBeGreaterThan(30);
    expect(receipt).not.toHaveProperty("merchantId");
    // Another merchant, or the wrong kind: not found, as if it did not exist.
    expect(await codeOf(findReceipt({ merchantId: stranger.merchantId, kind: "deposit", id: deposit.id }))).toBe("NOT_FOUND");
    expect(await codeOf(findReceipt({ merchantId: owner.merchantId, kind: "withdrawal", id: deposit.id }))).toBe("NOT_FOUND");
    expect(await codeOf(findReceipt({ merchantId: owner.merchantId, kind: "deposit", id: "inv_nope" }))).toBe("NOT_FOUND");

    const pdf = await renderReceiptPdf(receipt);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it("the verification code shows just enough, and refuses a forged or moved code", async () => {
    const { merchantId } = await createMerchant("Toko Verifikasi");
    const deposit = await createDeposit({ merchantId, method: "QRIS", amount: 20_000, actor });
    await transaction((tx) => markDepositPaid(tx, deposit, { paidAmount: deposit.total, paidAt: new Date(), actor }));
    const { code } = await findReceipt({ merchantId, kind: "deposit", id: deposit.id });

    const check = await verifyReceipt(code);
    expect(check).toEqual({ valid: true, kind: "deposit", merchantName: "Toko Verifikasi", amount: 20_000n, completedAt: expect.any(Date) });
    // One character of the signature changed; the signature moved to another id; another kind.
    const last = code.at(-1) === "A" ? "B" : "A";
    expect(await verifyReceipt(code.slice(0, -1) + last)).toEqual({ valid: false });
    const other = await createDeposit({ merchantId, method: "QRIS", amount: 30_000, actor });
    await transaction((tx) => markDepositPaid(tx, other, { paidAmount: other.total, paidAt: new Date(), actor }));
    expect(await verifyReceipt(code.replace(deposit.id, other.id))).toEqual({ valid: false });
    expect(await verifyReceipt(`w${code.slice(1)}`)).toEqual({ valid: false });
    expect(await verifyReceipt("not-a-code")).toEqual({ valid: false });
    expect(readReceiptCode(receiptCode("prepaid", "42"))).toEqual({ kind: "prepaid", id: "42" });
    // A code for a record that has no receipt (still pending) is not valid either.
    const pending = await createDeposit({ merchantId, method: "QRIS", amount: 40_000, actor });
    expect(await verifyReceipt(receiptCode("deposit", pending.id))).toEqual({ valid: false });
  });

  it("a successful withdrawal has a receipt; a pending one has none", async () => {
    const { merchantId } = await createMerchant("Toko Tarik");
    await fund(merchantId, 500_000);
    const { withdrawal } = await requestWithdrawal({ merchantId, amount: 100_000, method: "bca", accountNumber: "1234567890", accountName: "Toko Tarik", actor });
    expect(await codeOf(findReceipt({ merchantId, kind: "withdrawal", id: withdrawal.id }))).toBe("NOT_FOUND");
    await approveWithdrawal({ withdrawalId: withdrawal.id, actor: { type: "USER", id: "admin-receipts" } });
    const receipt = await findReceipt({ merchantId, kind: "withdrawal", id: withdrawal.id });
    expect(receipt).toMatchObject({ amount: 100_000n, fee: withdrawal.fee, total: withdrawal.totalDeduct, method: "BCA" });
    expect(receipt.references).toContainEqual({ label: "destination", value: "1234567890 · Toko Tarik" });
    expect(await verifyReceipt(receipt.code)).toMatchObject({ valid: true, kind: "withdrawal", amount: 100_000n });
  });
});
