import { expect, test } from "@playwright/test";
import { SEEDED, login } from "./helpers";

const rupiah = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

test("the merchant buys pulsa in the portal and sees it go from PROCESS to SUCCESS without reloading", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/products");
  await expect(page.getByRole("heading", { name: "Produk prabayar" })).toBeVisible();
  await expect(page.getByTestId("prepaid-username")).toHaveText("081234500001");
  const before = rupiah(await page.getByTestId("topbar-balance").textContent());

  const form = page.locator("#buy");
  await form.getByLabel("Jenis produk", { exact: true }).selectOption("pulsa");
  await form.getByLabel("Operator", { exact: true }).selectOption("telkomsel");
  await form.getByLabel("Produk", { exact: true }).selectOption("htelkomsel10000");
  await expect(page.getByTestId("buy-price")).toHaveText("Rp 10.800");

  // A number of another operator is refused before anything is sent.
  await form.getByLabel("Nomor pelanggan").fill("0817777215");
  await form.getByRole("button", { name: "Beli sekarang" }).click();
  await expect(form.getByText("Nomor ini milik XL Axiata, bukan operator produk yang dipilih.")).toBeVisible();

  await form.getByLabel("Nomor pelanggan").fill("081234567890");
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await form.getByRole("button", { name: "Beli sekarang" }).click();
  const placed = page.getByTestId("buy-placed");
  await expect(placed).toBeVisible();
  const ref = /WEB-[0-9a-f]+/.exec((await placed.textContent()) ?? "")?.[0];
  expect(ref).toBeTruthy();

  const row = page.locator(`[data-testid="prepaid-order-row"][data-ref="${ref}"]`);
  await expect(row).toHaveAttribute("data-status", "PROCESS");
  await expect(row.getByTestId("prepaid-status")).toHaveText("Diproses");
  await expect(row).toContainText("081234567890");
  await expect(row).toContainText("Rp 10.800");
  // The price is held at once: the top bar shows the balance after the reservation.
  await expect.poll(async () => rupiah(await page.getByTestId("topbar-balance").textContent())).toBe(before - 10_800);

  // The sandbox supplier settles it; the live feed flips the row without a reload.
  await expect(row).toHaveAttribute("data-status", "SUCCESS", { timeout: 20_000 });
  await expect(row.getByTestId("prepaid-status")).toHaveText("Berhasil");
  await expect(row).toContainText(/\d{16}/); // the serial number
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect.poll(async () => rupiah(await page.getByTestId("topbar-balance").textContent())).toBe(before - 10_800);

  // The wallet shows the hold and its posting.
  await page.goto("/dashboard");
  expect(rupiah(await page.getByTestId("available-balance").textContent())).toBe(before - 10_800);
});

test("a PLN token purchase shows the meter holder's name first", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/products?type=pln&product=pln20000");
  const form = page.locator("#buy");
  await expect(form.getByLabel("Produk", { exact: true })).toHaveValue("pln20000");
  await expect(form.getByText(/11 atau 12 digit/)).toBeVisible();
  await form.getByLabel("Nomor pelanggan").fill("1234567890");
  await form.getByRole("button", { name: "Cek pelanggan" }).click();
  await expect(form.getByText("Nomor pelanggan tidak sesuai dengan jenis produk.")).toBeVisible();
  await form.getByLabel("Nomor pelanggan").fill("12345678901");
  await form.getByRole("button", { name: "Cek pelanggan" }).click();
  await expect(page.getByTestId("pln-customer")).toContainText(/[A-Z]+ [A-Z]+/);
  await expect(form.getByRole("button", { name: "Beli sekarang" })).toBeVisible();
});
