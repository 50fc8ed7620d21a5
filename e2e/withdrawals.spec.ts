import { expect, test, type Page } from "@playwright/test";
import { SEEDED, ensureTwoFactor, login, logout } from "./helpers";

// Amounts no other spec uses, so rows are easy to find; balances are compared as deltas.
const APPROVED = { amount: 13_579, total: 14_579, name: "E2E Disetujui" };
const REJECTED = { amount: 24_680, total: 25_680, name: "E2E Ditolak" };
const NOTE = "E2E: nama pemilik tidak cocok";

const rupiah = (n: number) => `Rp ${n.toLocaleString("id-ID")}`;
const toNumber = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));

async function requestWithdrawal(page: Page, w: { amount: number; total: number; name: string }) {
  await page.getByLabel("Nominal (Rp)").fill(String(w.amount));
  await expect(page.getByTestId("withdraw-fee")).toHaveText("Rp 1.000");
  await expect(page.getByTestId("withdraw-total")).toHaveText(rupiah(w.total));
  await page.getByLabel("Nomor rekening / HP").fill("081234567890");
  await page.getByLabel("Nama pemilik rekening").fill(w.name);
  await page.getByRole("button", { name: "Ajukan penarikan" }).click();
  const result = page.getByTestId("withdraw-result");
  await expect(result).toBeVisible();
  await expect(result).toContainText("Permintaan penarikan berhasil diajukan");
  await expect(page.getByTestId("withdraw-result-status")).toHaveAttribute("data-status", "pending");
  await expect(page.getByTestId("withdraw-result-status")).toContainText("Menunggu");
  return { id: ((await page.getByTestId("withdraw-result-id").textContent()) ?? "").trim(), newBalance: toNumber(await page.getByTestId("withdraw-new-balance").textContent()) };
}

test("a merchant requests withdrawals; the admin approves one and rejects the other with a note; the merchant sees both outcomes", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  // Portal withdrawals need two-factor; later sign-ins of this merchant answer the code step.
  await ensureTwoFactor(page, SEEDED.merchant.email);
  await page.goto("/withdrawals");
  await expect(page.getByRole("heading", { level: 1, name: "Penarikan" })).toBeVisible();
  const before = toNumber(await page.getByTestId("withdraw-available").textContent());
  expect(before).toBeGreaterThanOrEqual(APPROVED.total + REJECTED.total);

  // Bad input is caught on the form, nothing is requested.
  await page.getByLabel("Nominal (Rp)").fill("5000");
  await page.getByLabel("Nomor rekening / HP").fill("12345");
  await page.getByRole("button", { name: "Ajukan penarikan" }).click();
  await expect(page.getByText("Nominal harus antara Rp 10.000 dan Rp 50.000.000.")).toBeVisible();
  await expect(page.getByText("Nomor tujuan tidak sesuai format metode ini.")).toBeVisible();
  await expect(page.getByText("Nama pemilik wajib diisi, 2–100 karakter.")).toBeVisible();
  await expect(page.getByTestId("withdraw-result")).toHaveCount(0);

  // The first request: pending, and the new balance shows the reservation at once.
  const first = await requestWithdrawal(page, APPROVED);
  expect(first.id).toMatch(/^[0-9a-f]{24}$/);
  expect(first.newBalance).toBe(before - APPROVED.total);
  await expect(page.getByTestId("withdraw-available")).toHaveText(rupiah(before - APPROVED.total));
  await expect(page.getByTestId("topbar-balance")).toHaveText(rupiah(before - APPROVED.total));
  const firstRow = page.locator(`[data-testid="withdrawal-row"][data-id="${first.id}"]`);
  await expect(firstRow.getByTestId("withdrawal-status")).toHaveAttribute("data-status", "pending");

  const second = await requestWithdrawal(page, REJECTED);
  expect(second.newBalance).toBe(before - APPROVED.total - REJECTED.total);
  await logout(page);

  // The admin desk: both are in the queue with the merchant and the destination.
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/withdrawals");
  await expect(page.getByRole("heading", { level: 1, name: "Antrean penarikan" })).toBeVisible();
  const approveRow = page.locator(`[data-testid="queue-row"][data-id="${first.id}"]`);
  const rejectRow = page.locator(`[data-testid="queue-row"][data-id="${second.id}"]`);
  await expect(approveRow).toContainText("Toko Demo Saldo");
  await expect(approveRow).toContainText(rupiah(APPROVED.amount));
  await expect(approveRow).toContainText("081234567890");
  await expect(approveRow).toContainText(APPROVED.name);

  // Approve asks first; cancelling changes nothing.
  await approveRow.getByRole("button", { name: "Setujui" }).click();
  await expect(approveRow.getByText(/Kirim Rp 13\.579 ke DANA 081234567890/)).toBeVisible();
  await approveRow.getByRole("button", { name: "Batal" }).click();
  await expect(approveRow.getByRole("button", { name: "Ya, setujui" })).toHaveCount(0);
  await approveRow.getByRole("button", { name: "Setujui" }).click();
  await approveRow.getByRole("button", { name: "Ya, setujui" }).click();
  await expect(approveRow).toHaveCount(0);
  const approvedDecided = page.locator(`[data-testid="decided-row"][data-id="${first.id}"]`);
  await expect(approvedDecided.getByTestId("withdrawal-status")).toHaveAttribute("data-status", "success");

  // Reject needs a note.
  await rejectRow.getByRole("button", { name: "Tolak" }).click();
  await rejectRow.getByRole("button", { name: "Tolak penarikan" }).click();
  await expect(rejectRow.getByText("Catatan wajib diisi, minimal 3 karakter.")).toBeVisible();
  await rejectRow.getByLabel("Catatan penolakan").fill(NOTE);
  await rejectRow.getByRole("button", { name: "Tolak penarikan" }).click();
  await expect(rejectRow).toHaveCount(0);
  const rejectedDecided = page.locator(`[data-testid="decided-row"][data-id="${second.id}"]`);
  await expect(rejectedDecided.getByTestId("withdrawal-status")).toHaveAttribute("data-status", "rejected");
  await expect(rejectedDecided).toContainText(NOTE);

  // The audit log has both decisions.
  await page.goto("/admin/audit?action=withdraw.");
  await expect(page.getByTestId("audit-row").filter({ hasText: "withdraw.reject" }).filter({ hasText: second.id })).toHaveCount(1);
  await expect(page.getByTestId("audit-row").filter({ hasText: "withdraw.success" }).filter({ hasText: first.id })).toHaveCount(1);
  await logout(page);

  // The merchant sees success with processed_at, and the rejection with its note; the rejected funds are back.
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/withdrawals");
  await expect(page.getByTestId("withdraw-available")).toHaveText(rupiah(before - APPROVED.total));
  await expect(page.locator(`[data-testid="withdrawal-row"][data-id="${first.id}"]`).getByTestId("withdrawal-status")).toHaveAttribute("data-status", "success");
  await expect(page.locator(`[data-testid="withdrawal-row"][data-id="${second.id}"]`).getByTestId("withdrawal-status")).toHaveAttribute("data-status", "rejected");

  await page.getByRole("link", { name: `Detail penarikan ${first.id}` }).click();
  const drawer = page.getByTestId("withdrawal-detail");
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId("detail-id")).toHaveText(first.id);
  await expect(drawer.getByTestId("detail-status")).toContainText("Berhasil");
  await expect(drawer.getByTestId("detail-processed-at")).toContainText("WIB");
  await expect(drawer.getByTestId("detail-admin-note")).toHaveText("—");
  await drawer.getByRole("link", { name: "Tutup" }).click();
  await expect(page.getByTestId("withdrawal-detail")).toHaveCount(0);

  await page.goto(`/withdrawals?status=rejected&id=${second.id}`);
  await expect(page.getByTestId("withdrawal-detail").getByTestId("detail-status")).toContainText("Ditolak");
  await expect(page.getByTestId("withdrawal-detail").getByTestId("detail-admin-note")).toHaveText(NOTE);
  await expect(page.getByTestId("withdrawal-detail").getByTestId("detail-processed-at")).toContainText("WIB");
  await expect(page.locator(`[data-testid="withdrawal-row"][data-id="${first.id}"]`)).toHaveCount(0);
});

test("an admin adjusts a merchant's balance with a reason, suspends it (sign-in says why) and reinstates it", async ({ page }) => {
  // Three admin sign-ins: a TOTP code is taken once, so a sign-in may wait for the next 30 s step.
  test.setTimeout(180_000);
  const name = `Toko Tangguh ${Date.now()}`;
  const email = `tangguh-${Date.now()}@saldo.test`;
  await page.goto("/register");
  await page.getByLabel("Nama usaha").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("rahasia-123");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await logout(page);

  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  // The admin's first page is the overview (issue 15); merchants are found on their list.
  await page.goto(`/admin/merchants?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("merchant-available")).toHaveText("Rp 0");

  // Credit with a reason; a debit beyond the balance is refused; then a debit within it.
  await page.getByRole("button", { name: "Simpan penyesuaian" }).click();
  await expect(page.getByText("Masukkan nominal bulat lebih dari 0.")).toBeVisible();
  await expect(page.getByText("Alasan wajib diisi, minimal 3 karakter.")).toBeVisible();
  await page.getByLabel("Nominal penyesuaian (Rp)").fill("50000");
  await page.getByLabel("Alasan penyesuaian").fill("Kompensasi gangguan layanan");
  await page.getByRole("button", { name: "Simpan penyesuaian" }).click();
  // Maker-checker (issue 15): a second admin posts it.
  await expect(page.getByText("Penyesuaian diajukan (1 dari 2).", { exact: false })).toBeVisible();
  await expect(page.getByTestId("merchant-available")).toHaveText("Rp 0");
  const merchantUrl = page.url();
  await logout(page);
  await login(page, SEEDED.admin2.email, SEEDED.admin2.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(merchantUrl);
  await page.getByTestId("adjustment-request").first().getByRole("button", { name: "Setujui dan posting" }).click();
  await page.getByRole("button", { name: "Ya, posting" }).click();
  await expect(page.getByText("Penyesuaian terposting. Saldo tersedia sekarang Rp 50.000.")).toBeVisible();
  await expect(page.getByTestId("merchant-available")).toHaveText("Rp 50.000");
  await page.getByLabel("Debit (kurangi saldo)").check();
  await page.getByLabel("Nominal penyesuaian (Rp)").fill("60000");
  await page.getByLabel("Alasan penyesuaian").fill("Koreksi");
  await page.getByRole("button", { name: "Simpan penyesuaian" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Saldo tidak cukup" })).toBeVisible();
  await expect(page.getByTestId("merchant-available")).toHaveText("Rp 50.000");
  await expect(page.getByTestId("merchant-ledger-row").first()).toContainText("Kompensasi gangguan layanan");

  // Suspend with a reason: merchant settings are the superadmin's (admin2 is an approver).
  await logout(page);
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(merchantUrl);
  await page.getByLabel("Alasan", { exact: true }).fill("Verifikasi dokumen belum lengkap");
  await page.getByRole("button", { name: "Tangguhkan merchant" }).click();
  await expect(page.getByTestId("merchant-status")).toHaveText("Ditangguhkan");
  await expect(page.getByText("Merchant ini ditangguhkan: Verifikasi dokumen belum lengkap")).toBeVisible();
  await page.getByRole("link", { name: "Log audit merchant ini" }).click();
  await expect(page.getByTestId("audit-row").filter({ hasText: "merchant.suspend" })).toHaveCount(1);
  await expect(page.getByTestId("audit-row").filter({ hasText: "ledger.adjust" })).toHaveCount(1);
  await logout(page);

  await login(page, email, "rahasia-123");
  await expect(page.getByText("Akun merchant ini sedang ditangguhkan. Hubungi admin Saldo.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  // The admin's first page is the overview (issue 15); merchants are found on their list.
  await page.goto(`/admin/merchants?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).click();
  await page.getByLabel("Alasan", { exact: true }).fill("Dokumen sudah lengkap");
  await page.getByRole("button", { name: "Aktifkan kembali" }).click();
  await expect(page.getByTestId("merchant-status")).toHaveText("Aktif");
  await logout(page);
  await login(page, email, "rahasia-123");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("available-balance")).toHaveText("Rp 50.000");
});
