import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { SEEDED, login, logout } from "./helpers";

const toNumber = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));

/** A top-up through the portal, paid with the sandbox's "Simulate payment" on the invoice page. */
async function topUp(page: Page, method: RegExp, amount: string) {
  await page.goto("/topup", { waitUntil: "networkidle" });
  await page.getByRole("radio", { name: method }).check();
  await page.getByLabel("Nominal (Rp)").fill(amount);
  await page.getByRole("button", { name: "Buat tagihan" }).click();
  await expect(page).toHaveURL(/\/invoices\/inv_[0-9a-z]{26}$/, { timeout: 30_000 });
  const id = page.url().split("/").pop()!;
  await page.getByRole("button", { name: "Simulasikan pembayaran (sandbox)" }).click();
  await expect(page.getByTestId("payment-panel")).toHaveAttribute("data-status", "paid", { timeout: 30_000 });
  return id;
}

test("a new merchant sees the empty state, then charts with data after top-ups; a receipt opens, downloads as PDF and verifies", async ({ page, browser }) => {
  // Long: a registration, two payments, a PDF and three sign-ins, on a machine that may be busy.
  test.setTimeout(240_000);
  const email = `grafik-${Date.now()}@saldo.test`;
  // The form submits through its script: wait until the page has loaded it.
  await page.goto("/register", { waitUntil: "networkidle" });
  await page.getByLabel("Nama usaha").fill("Toko Grafik");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("rahasia-123");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  await expect(page.getByTestId("charts-empty")).toContainText("Belum ada aktivitas");
  await expect(page.getByTestId("topups-today")).toHaveText("Rp 0");

  const qris = await topUp(page, /QRIS/, "25000");
  await topUp(page, /BNI/, "100000");

  await page.goto("/dashboard");
  await expect(page.getByTestId("charts-empty")).toHaveCount(0);
  for (const chart of ["chart-balance", "chart-flow", "chart-methods", "chart-callbacks"]) {
    await expect(page.getByTestId(chart).locator("svg.recharts-surface[role='application']")).toBeVisible();
  }
  // Bars were drawn for today's money in; the axis speaks compact rupiah.
  await expect(page.getByTestId("chart-flow").locator(".recharts-bar-rectangle path").first()).toBeVisible();
  await expect(page.getByTestId("chart-balance").getByText(/^Rp \d+(,\d)?\s+rb$/).first()).toBeVisible();
  await expect(page.getByTestId("available-balance")).toHaveText("Rp 125.000");
  await expect(page.getByTestId("topups-today")).toHaveText("Rp 125.000");
  await expect(page.getByTestId("topups-today-change")).toHaveText("vs kemarin: +Rp 125.000");

  // The table fallback: today's row, and money in by method.
  await page.getByText("Tampilkan sebagai tabel").click();
  const rows = page.getByTestId("chart-day-row");
  await expect(rows).toHaveCount(30);
  await expect(rows.last()).toContainText("Rp 125.000");
  await expect(page.getByTestId("chart-method-row").filter({ hasText: "QRIS" })).toContainText("Rp 25.000");
  await expect(page.getByTestId("chart-method-row").filter({ hasText: "VA BNI" })).toContainText("Rp 100.000");
  await page.getByText("Tampilkan sebagai tabel").click();

  // The period picker.
  await page.getByRole("link", { name: "7 hari" }).click();
  await expect(page).toHaveURL(/period=7/);
  await expect(page.getByRole("link", { name: "7 hari" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("chart-day-row")).toHaveCount(7);
  await page.getByRole("link", { name: "30 hari" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("chart-day-row")).toHaveCount(30);
  await expect(page.getByTestId("chart-balance").locator("svg.recharts-surface[role='application']")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/dashboard.png", fullPage: true });

  // The receipt of the QRIS top-up, from its invoice page.
  await page.goto(`/invoices/${qris}`);
  await page.getByTestId("receipt-link").click();
  await expect(page).toHaveURL(new RegExp(`/receipts/deposit/${qris}$`));
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toContainText("Bukti top-up");
  await expect(receipt).toContainText("Toko Grafik");
  await expect(page.getByTestId("receipt-amount")).toHaveText("Rp 25.000");
  await expect(page.getByTestId("receipt-total")).toHaveText("Rp 25.175");
  await expect(receipt).toContainText("WIB");
  await expect(page.getByTestId("receipt-qr")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/receipt.png" });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`bukti-saldo-deposit-${qris}.pdf`);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The verification page, as a stranger who scanned the QR code.
  const verifyPath = new URL((await page.getByTestId("receipt-verify-link").getAttribute("href"))!).pathname;
  const stranger = await browser.newContext();
  const scanner = await stranger.newPage();
  await scanner.goto(verifyPath);
  await expect(scanner.getByTestId("receipt-check-valid")).toContainText("Bukti valid");
  await expect(scanner.getByTestId("receipt-check-valid")).toContainText("Toko Grafik");
  await expect(scanner.getByTestId("receipt-check-amount")).toHaveText("Rp 25.000");
  await expect(scanner.getByTestId("receipt-check-status")).toHaveText("valid");
  // Nothing else: no reference, no fee, no method.
  await expect(scanner.getByText(qris)).toHaveCount(0);
  await expect(scanner.getByText("QRIS")).toHaveCount(0);
  // One character changed: not valid.
  const forged = verifyPath.slice(0, -1) + (verifyPath.endsWith("A") ? "B" : "A");
  await scanner.goto(forged);
  await expect(scanner.getByTestId("receipt-check-invalid")).toContainText("Bukti tidak valid");
  await stranger.close();

  // Another merchant: the receipt and its PDF are not found.
  await logout(page);
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  expect((await page.goto(`/receipts/deposit/${qris}`))?.status()).toBe(404);
  const pdf = await page.request.get(`/api/receipts/deposit/${qris}/pdf`);
  expect(pdf.status()).toBe(404);
  expect(await pdf.json()).toMatchObject({ success: false, code: "NOT_FOUND" });
});

test("the admin overview shows the float, the queue, today's deposits by provider and the volume chart", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ikhtisar" })).toBeVisible();
  await expect(page.getByTestId("float-balanced")).toHaveText("Buku besar seimbang");
  expect(toNumber(await page.getByTestId("float-owed").textContent())).toBeGreaterThan(0);
  await expect(page.getByTestId("float-held")).toHaveText(/^-?Rp [\d.]+$/);
  // Today's deposits by provider: the seed's credits at least (and the sandbox top-ups of the test before).
  await expect(page.getByTestId("deposits-by-provider")).toContainText(/Rp [\d.]+/);
  await expect(page.getByTestId("overview-pending")).toContainText("permintaan");
  await expect(page.getByTestId("overview-review")).toContainText("belum cocok");
  await expect(page.getByTestId("chart-volume").locator("svg.recharts-surface[role='application']")).toBeVisible();
  await expect(page.getByTestId("chart-volume").locator(".recharts-bar-rectangle path").first()).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/admin-overview.png", fullPage: true });

  // Each number opens its list.
  await page.getByTestId("overview-pending").locator("..").getByRole("link", { name: /Buka daftar/ }).click();
  await expect(page).toHaveURL(/\/admin\/withdrawals$/);
  await page.goto("/admin");
  await page.getByTestId("float-owed").getByRole("link").click();
  await expect(page).toHaveURL(/\/admin\/merchants$/);
  await expect(page.getByTestId("merchant-row").first()).toBeVisible();

  // In English too.
  await page.goto("/admin");
  await page.getByLabel("Bahasa", { exact: true }).selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("float-balanced")).toHaveText("Ledger balanced");
  await page.getByLabel("Language", { exact: true }).selectOption("id");
  await expect(page.getByRole("heading", { level: 1, name: "Ikhtisar" })).toBeVisible();
});
