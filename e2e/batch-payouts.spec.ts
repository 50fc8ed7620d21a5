import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { SEEDED, ensureTwoFactor, login, logout } from "./helpers";
import { linkIn, waitForMail } from "./mail";

// Batch payouts (issue 15): a fresh merchant, funded by a manual adjustment two admins give,
// uploads a 1,000-row CSV with 3 bad rows, fixes the 3 rows in place, validates again and submits
// (one confirmation with count and totals). An admin approves the whole batch from the desk as one
// item; the merchant sees every row decided and downloads the report.
const ROWS = 1_000;
const FUNDING = 12_000_000;
const BAD = { amount: 10, method: 500, account: 999 } as const;

function payoutCsv(): string {
  const lines = ["amount,method,account_number,account_name,note,reference"];
  for (let row = 1; row <= ROWS; row++) {
    // Account numbers never end in 0000 (the sandbox refuses those).
    const account = `0813${String(20_000_000 + row).slice(-8)}`;
    const amount = row === BAD.amount ? "5000" : "10000";
    const method = row === BAD.method ? "paypal" : "dana";
    const number = row === BAD.account ? "0813" : account;
    lines.push(`${amount},${method},${number},Penerima ${row},Komisi ${row},REF-${row}`);
  }
  return lines.join("\n");
}

async function fundWithAdjustment(page: Page, merchantName: string) {
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/audit?action=auth.register");
  await page.getByRole("link", { name: merchantName }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: merchantName })).toBeVisible();
  const merchantUrl = page.url();
  await page.getByLabel("Nominal penyesuaian (Rp)").fill(String(FUNDING));
  await page.getByLabel("Alasan penyesuaian").fill("Modal uji batch payout");
  await page.getByRole("button", { name: "Simpan penyesuaian" }).click();
  await expect(page.getByText("Penyesuaian diajukan (1 dari 2).", { exact: false })).toBeVisible();
  await logout(page);
  await login(page, SEEDED.admin2.email, SEEDED.admin2.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(merchantUrl);
  const pending = page.getByTestId("adjustment-request").first();
  await pending.getByRole("button", { name: "Setujui dan posting" }).click();
  await pending.getByRole("button", { name: "Ya, posting" }).click();
  await expect(page.getByTestId("merchant-available")).toHaveText(`Rp ${FUNDING.toLocaleString("id-ID")}`);
  await logout(page);
}

test("a 1,000-row CSV with 3 bad rows is fixed in place and submitted; the desk approves it; the merchant downloads the report", async ({ page }) => {
  test.setTimeout(600_000);
  const stamp = Date.now();
  const name = `Toko Batch ${stamp}`;
  const email = `batch-${stamp}@saldo.test`;
  await page.goto("/register");
  await page.getByLabel("Nama usaha").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("rahasia-123");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  await logout(page);
  await fundWithAdjustment(page, name);

  // The merchant opens Batch payout from Withdrawals; the template downloads.
  await login(page, email, "rahasia-123");
  await expect(page).toHaveURL(/\/dashboard$/);
  // A batch payout is withdrawals: a verified email and two-factor first, as for one withdrawal.
  await page.goto(linkIn(await waitForMail(email, /Verifikasi email/), "/verify-email?token="));
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "verified");
  await ensureTwoFactor(page, email);
  await page.goto("/withdrawals");
  await page.getByRole("link", { name: "Batch payout" }).click();
  await expect(page).toHaveURL(/\/withdrawals\/batch$/);
  await expect(page.getByRole("heading", { level: 1, name: "Batch payout" })).toBeVisible();
  await expect(page.getByText("Belum ada batch")).toBeVisible();
  const templateDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Unduh template (CSV)" }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toBe("saldo-batch-payout-template.csv");
  expect(readFileSync((await template.path())!, "utf8")).toMatch(/^amount,method,account_number,account_name,note,reference/);

  // Upload: every row is validated; the 3 bad rows are shown with their errors.
  await page.getByLabel("File payout (CSV atau XLSX)").setInputFiles({ name: "payouts.csv", mimeType: "text/csv", buffer: Buffer.from(payoutCsv()) });
  await expect(page.getByTestId("batch-summary-rows")).toHaveText("1000", { timeout: 30_000 });
  await expect(page.getByTestId("batch-summary-errors")).toHaveText("3");
  await expect(page.getByTestId("batch-validation-status")).toHaveText("Perbaiki 3 baris bermasalah lalu periksa ulang.");
  const fileRows = page.getByTestId("batch-file-row");
  await expect(fileRows).toHaveCount(3);
  await expect(page.locator(`[data-testid="batch-file-row"][data-row="${BAD.amount}"]`)).toContainText("amount harus antara");
  await expect(page.locator(`[data-testid="batch-file-row"][data-row="${BAD.method}"]`)).toContainText("method harus salah satu dari");
  await expect(page.locator(`[data-testid="batch-file-row"][data-row="${BAD.account}"]`)).toContainText("nomor HP Indonesia");
  await expect(page.getByRole("button", { name: "Ajukan batch" })).toBeDisabled();
  await expectNoSeriousA11yViolations(page, "batch payout validation");

  // Fixed in place, then validated again.
  await page.getByLabel(`Nominal, baris ${BAD.amount}`).fill("15000");
  await page.getByLabel(`Metode, baris ${BAD.method}`).fill("dana");
  await page.getByLabel(`Nomor rekening, baris ${BAD.account}`).fill(`0813${String(20_000_000 + BAD.account).slice(-8)}`);
  await expect(page.getByTestId("batch-validation-status")).toHaveText("Ada perubahan yang belum diperiksa.");
  await page.getByRole("button", { name: "Periksa ulang" }).click();
  await expect(page.getByTestId("batch-validation-status")).toHaveText("Semua baris valid.", { timeout: 30_000 });
  await expect(page.getByTestId("batch-summary-errors")).toHaveText("0");
  // 999 × 10.000 + 15.000 = 10.005.000, fees 1.000 × 1.000.
  await expect(page.getByTestId("batch-summary-amount")).toHaveText("Rp 10.005.000");
  await expect(page.getByTestId("batch-summary-total")).toHaveText("Rp 11.005.000");

  // Submitted after one confirmation that states count and totals.
  await page.getByRole("button", { name: "Ajukan batch" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(/Ajukan 1\.?000 penarikan\? Nominal Rp 10\.005\.000 \+ biaya Rp 1\.000\.000 = Rp 11\.005\.000 ditahan sekarang\./);
  await page.getByRole("button", { name: "Ya, ajukan" }).click();
  await expect(page).toHaveURL(/\/withdrawals\/batch\/b[0-9a-f]{24}$/, { timeout: 120_000 });
  const batchId = page.url().split("/").pop()!;
  await expect(page.getByTestId("batch-progress-text")).toHaveText(/^0 dari 1\.?000 baris diputuskan$/);
  await expect(page.getByTestId("batch-status")).toHaveText("Menunggu");
  await expect(page.getByRole("progressbar", { name: "Baris diputuskan" })).toHaveAttribute("aria-valuemax", "1000");
  await expectNoSeriousA11yViolations(page, "batch payout detail");
  await page.goto("/withdrawals");
  await expect(page.getByTestId("withdraw-available")).toHaveText(`Rp ${(FUNDING - 11_005_000).toLocaleString("id-ID")}`);
  await logout(page);

  // The desk shows the batch as one item; the admin opens it and approves all (worked in chunks).
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/withdrawals");
  const item = page.locator(`[data-testid="desk-batch"][data-id="${batchId}"]`);
  await expect(item).toContainText(name);
  await expect(item).toContainText(/1\.?000 menunggu/);
  await item.getByRole("link", { name: `Buka batch ${batchId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/withdrawals/batches/${batchId}$`));
  await expect(page.getByTestId("desk-batch-row")).toHaveCount(50);
  await expectNoSeriousA11yViolations(page, "desk batch detail");
  await page.getByRole("button", { name: "Setujui semua" }).click();
  await page.getByRole("button", { name: "Ya, lanjutkan" }).click();
  await expect(page.getByTestId("batch-decision-notice")).toContainText(/Selesai: 1\.?000 disetujui, 0 ditolak, 0 menunggu admin kedua, 0 gagal\./, { timeout: 480_000 });
  await expect(page.getByTestId("desk-batch-counts")).toContainText("0 menunggu");
  await logout(page);

  // The merchant sees every row decided and downloads the report.
  await login(page, email, "rahasia-123");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/withdrawals/batch/${batchId}`);
  await expect(page.getByTestId("batch-progress-text")).toHaveText(/^1\.?000 dari 1\.?000 baris diputuskan$/);
  await expect(page.getByTestId("batch-status")).toHaveText("Selesai");
  const reportDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Unduh laporan (CSV)" }).click();
  const report = await reportDownload;
  expect(report.suggestedFilename()).toBe(`payout-batch-${batchId}.csv`);
  const lines = readFileSync((await report.path())!, "utf8").trim().split(/\r?\n/);
  expect(lines).toHaveLength(ROWS + 1);
  expect(lines[0]).toBe("row,withdraw_id,amount,fee,total_deduct,method,account_number,account_name,note,reference,status,admin_note,failure_reason,created_at,processed_at");
  expect(lines.slice(1).every((line) => line.includes(",success,"))).toBe(true);
  expect(lines[BAD.amount]).toMatch(new RegExp(`^${BAD.amount},[0-9a-f]{24},15000,1000,16000,dana,`));

  // At 390 px (a phone) the batch pages do not scroll sideways: wide tables scroll in their frame.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/withdrawals/batch", `/withdrawals/batch/${batchId}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} at 390 px`).toBeLessThanOrEqual(0);
  }
});
