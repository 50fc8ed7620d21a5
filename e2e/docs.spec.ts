import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { SEEDED, login } from "./helpers";

test("the docs are public; the console creates an invoice as the merchant, and copy-as-curl works", async ({ page, request }) => {
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect((await openapi.json()).openapi).toBe("3.1.0");

  await page.goto("/docs");
  await expect(page.getByRole("heading", { level: 1, name: "Dokumentasi API" })).toBeVisible();
  await expect(page.getByText("/api/v1/invoice/create").first()).toBeVisible();

  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/docs#createInvoice");
  const console = page.getByTestId("console-createInvoice");
  await console.getByLabel(/^amount/).fill("15000");
  await console.getByRole("button", { name: "Kirim" }).click();
  await expect(console.getByTestId("console-status")).toHaveText("200");
  const body = JSON.parse((await console.getByTestId("console-body").textContent())!) as { invoice_id: string; total: number };
  expect(body.invoice_id).toMatch(/^inv_[0-9a-z]{26}$/);
  expect(body.total).toBe(15_105);

  await console.getByRole("button", { name: "Salin sebagai curl" }).click();
  const curl = (await console.getByTestId("curl-command").textContent())!;
  expect(curl).toContain("Authorization: Bearer sk_test_");
  const output = execFileSync("bash", ["-c", curl], { encoding: "utf8" });
  const viaCurl = JSON.parse(output) as { success: boolean; invoice_id: string; amount: number };
  expect(viaCurl).toMatchObject({ success: true, amount: 15_000 });
  expect(viaCurl.invoice_id).not.toBe(body.invoice_id);
});
