import { expect, test, type Page } from "@playwright/test";
import { SEEDED, login, logout } from "./helpers";

// The approval desk (issue 15): a fresh merchant, funded by a manual adjustment that two admins
// give, requests five small withdrawals and one large one. The first admin approves three in
// bulk and rejects two with one note (the last two chosen with the keyboard); the large one needs
// a second admin, who executes it.
const rupiah = (n: number) => `Rp ${n.toLocaleString("id-ID")}`;
const SMALL = [10_101, 10_202, 10_303, 10_404, 10_505];
const LARGE = 10_000_000;
const FUNDING = 10_500_000;
const NOTE = "E2E meja: data rekening tidak cocok";

// The merchant asks over the REST API with its own key: an API key is the machine credential, so
// the portal's person checks (a verified email, two-factor before a first withdrawal) do not apply.
async function requestWithdrawal(page: Page, key: string, amount: number, accountName: string) {
  const res = await page.request.post("/api/v1/withdraw", {
    headers: { authorization: `Bearer ${key}` },
    data: { amount, accountNumber: "081234567891", accountName },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { success: boolean; withdraw_id: string };
  expect(body.success).toBe(true);
  expect(body.withdraw_id).toMatch(/^[0-9a-f]{24}$/);
  return body.withdraw_id;
}

test("an admin approves three withdrawals in bulk and rejects two with one note; a large one needs a second admin", async ({ page }) => {
  test.setTimeout(360_000);
  const stamp = Date.now();
  const name = `Toko Meja ${stamp}`;
  const email = `meja-${stamp}@saldo.test`;
  await page.goto("/register");
  await page.getByLabel("Nama usaha").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("rahasia-123");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  // Its API key (shown once on the Developers page).
  await page.goto("/developers");
  await page.getByLabel("Nama", { exact: true }).fill("Meja key");
  await page.getByRole("button", { name: "Buat kunci API" }).click();
  const key = ((await page.getByTestId("new-api-key").textContent()) ?? "").trim();
  expect(key).toMatch(/^sk_test_\S{20,}$/);
  await logout(page);

  // Funding: a manual credit needs two admins. The first asks; the same admin cannot approve it.
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/audit?action=auth.register");
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const merchantUrl = page.url();
  const merchantId = merchantUrl.split("/").pop()!.split("?")[0]!;
  await page.getByLabel("Nominal penyesuaian (Rp)").fill(String(FUNDING));
  await page.getByLabel("Alasan penyesuaian").fill("Modal uji meja persetujuan");
  await page.getByRole("button", { name: "Simpan penyesuaian" }).click();
  await expect(page.getByText("Penyesuaian diajukan (1 dari 2).", { exact: false })).toBeVisible();
  await expect(page.getByTestId("merchant-available")).toHaveText("Rp 0");
  const request = page.getByTestId("adjustment-request").first();
  await expect(request).toHaveAttribute("data-status", "pending");
  await expect(request).toContainText("Diajukan oleh Saldo Admin");
  await request.getByRole("button", { name: "Setujui dan posting" }).click();
  await request.getByRole("button", { name: "Ya, posting" }).click();
  await expect(request.getByText("persetujuan kedua harus dari admin lain", { exact: false })).toBeVisible();
  await expect(page.getByTestId("merchant-available")).toHaveText("Rp 0");
  await logout(page);

  await login(page, SEEDED.admin2.email, SEEDED.admin2.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(merchantUrl);
  const pendingRequest = page.getByTestId("adjustment-request").first();
  await pendingRequest.getByRole("button", { name: "Setujui dan posting" }).click();
  await pendingRequest.getByRole("button", { name: "Ya, posting" }).click();
  await expect(page.getByTestId("merchant-available")).toHaveText(rupiah(FUNDING));
  await expect(page.getByTestId("adjustment-request").first()).toHaveAttribute("data-status", "approved");
  await logout(page);

  // The merchant asks for five small withdrawals and one large one.
  const small: string[] = [];
  for (const [i, amount] of SMALL.entries()) small.push(await requestWithdrawal(page, key, amount, `Meja Kecil ${i + 1}`));
  const large = await requestWithdrawal(page, key, LARGE, "Meja Besar");

  // The desk, filtered to this merchant: six rows, with the large one marked as needing two admins.
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/withdrawals?merchant=${merchantId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Antrean penarikan" })).toBeVisible();
  const rows = page.getByTestId("queue-row");
  await expect(rows).toHaveCount(6);
  const row = (id: string) => page.locator(`[data-testid="queue-row"][data-id="${id}"]`);
  await expect(row(large).getByTestId("queue-approvals")).toContainText("0 dari 2");
  await expect(row(small[0]!).getByTestId("queue-risk")).toContainText("Pencairan pertama ke rekening ini");
  await page.screenshot({ path: "docs/screenshots/desk.png", fullPage: true });

  // The shortcut help opens with "?" and closes with it.
  await page.locator("body").press("?");
  await expect(page.getByTestId("desk-shortcuts")).toBeVisible();
  await expect(page.getByTestId("desk-shortcuts")).toContainText("Pilih atau batalkan pilihan baris");
  await page.locator("body").press("?");
  await expect(page.getByTestId("desk-shortcuts")).toHaveCount(0);

  // Approve three in bulk: the confirmation shows the count and the total.
  for (const id of small.slice(0, 3)) await page.getByLabel(`Pilih penarikan ${id}`).check();
  await expect(page.getByTestId("desk-selection")).toContainText(`3 dipilih · ${rupiah(SMALL[0]! + SMALL[1]! + SMALL[2]!)}`);
  await page.getByRole("button", { name: "Setujui yang dipilih" }).click();
  await expect(page.getByTestId("bulk-confirm")).toContainText(`Setujui 3 penarikan senilai ${rupiah(SMALL[0]! + SMALL[1]! + SMALL[2]!)}`);
  await page.getByRole("button", { name: "Ya, setujui 3" }).click();
  for (const id of small.slice(0, 3)) {
    await expect(page.locator(`[data-testid="bulk-outcome"][data-id="${id}"]`)).toHaveAttribute("data-outcome", "approved");
    await expect(row(id)).toHaveCount(0);
    await expect(page.locator(`[data-testid="decided-row"][data-id="${id}"]`).getByTestId("withdrawal-status")).toHaveAttribute("data-status", "success");
  }
  await expect(rows).toHaveCount(3);

  // Reject the next two with one note, chosen with the keyboard: x selects, j moves, r rejects.
  // (Ticking a checkbox also focused its row: k moves back up to the first row.)
  for (let i = 0; i < 3; i++) await page.locator("body").press("k");
  await expect(rows.first()).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByTestId("desk-selection")).toContainText(`2 dipilih · ${rupiah(SMALL[3]! + SMALL[4]!)}`);
  await page.keyboard.press("r");
  const confirm = page.getByTestId("bulk-confirm");
  await expect(confirm).toContainText(`Tolak 2 penarikan senilai ${rupiah(SMALL[3]! + SMALL[4]!)}`);
  // Typing in the note is typing, not shortcuts.
  await confirm.getByLabel("Catatan penolakan (untuk semua yang dipilih)").fill(NOTE);
  await confirm.getByRole("button", { name: "Ya, tolak 2" }).click();
  for (const id of small.slice(3)) {
    await expect(page.locator(`[data-testid="bulk-outcome"][data-id="${id}"]`)).toHaveAttribute("data-outcome", "rejected");
    const decided = page.locator(`[data-testid="decided-row"][data-id="${id}"]`);
    await expect(decided.getByTestId("withdrawal-status")).toHaveAttribute("data-status", "rejected");
    await expect(decided).toContainText(NOTE);
  }
  await expect(rows).toHaveCount(1);

  // The large one: the first approval is recorded as 1 of 2, and the same admin cannot give the second.
  await row(large).getByRole("button", { name: "Setujui" }).click();
  await row(large).getByRole("button", { name: "Ya, setujui" }).click();
  await expect(row(large).getByTestId("approval-notice")).toContainText("Persetujuan Anda tercatat (1 dari 2)");
  await expect(row(large).getByTestId("queue-approvals")).toContainText("1 dari 2");
  await expect(row(large).getByTestId("queue-approvals")).toContainText("Saldo Admin");
  await page.getByLabel(`Pilih penarikan ${large}`).check();
  await page.getByRole("button", { name: "Setujui yang dipilih" }).click();
  await page.getByRole("button", { name: "Ya, setujui 1" }).click();
  const refused = page.locator(`[data-testid="bulk-outcome"][data-id="${large}"]`);
  await expect(refused).toHaveAttribute("data-outcome", "failed");
  await expect(refused).toContainText("persetujuan kedua harus dari admin lain");
  await expect(row(large)).toHaveCount(1);
  await logout(page);

  // A second admin executes it.
  await login(page, SEEDED.admin2.email, SEEDED.admin2.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/withdrawals?merchant=${merchantId}`);
  await expect(row(large).getByTestId("queue-approvals")).toContainText("1 dari 2");
  await page.getByLabel(`Pilih penarikan ${large}`).check();
  await page.getByRole("button", { name: "Setujui yang dipilih" }).click();
  await expect(page.getByTestId("bulk-confirm")).toContainText(`Setujui 1 penarikan senilai ${rupiah(LARGE)}`);
  await page.getByRole("button", { name: "Ya, setujui 1" }).click();
  await expect(page.locator(`[data-testid="bulk-outcome"][data-id="${large}"]`)).toHaveAttribute("data-outcome", "approved");
  await expect(row(large)).toHaveCount(0);
  await expect(page.locator(`[data-testid="decided-row"][data-id="${large}"]`).getByTestId("withdrawal-status")).toHaveAttribute("data-status", "success");

  // The audit log has both approvals of the large withdrawal.
  await page.goto("/admin/audit?action=withdraw.approval");
  await expect(page.getByTestId("audit-row").filter({ hasText: large })).toHaveCount(2);
});
