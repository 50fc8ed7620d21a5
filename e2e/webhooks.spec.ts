import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver } from "../tests/helpers/receiver";

test("a paid invoice's callback shows in the delivery log, and Resend adds a second attempt", async ({ page }) => {
  const receiver = await startReceiver(() => ({ status: 200, body: "received" }));
  try {
    await page.goto("/register");
    await page.getByLabel("Nama usaha").fill("Toko Webhook");
    await page.getByLabel("Email").fill(`hooks-${Date.now()}@saldo.test`);
    await page.getByLabel("Kata sandi").fill("rahasia-123");
    await page.getByRole("button", { name: "Daftar" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.goto("/developers/webhooks");
    await expect(page.getByText("Belum ada event")).toBeVisible();
    await page.getByLabel("URL callback").fill(receiver.url);
    await page.getByRole("button", { name: "Simpan endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").locator("code").textContent())!;
    expect(secret).toMatch(/^whsec_/);

    await page.getByRole("button", { name: "Kirim event uji" }).click();
    await expect(page.getByTestId("webhook-notice")).toContainText("Penerima menjawab 200");

    await page.goto("/topup");
    await page.getByRole("radio", { name: /QRIS/ }).check();
    await page.getByLabel("Nominal (Rp)").fill("10000");
    await page.getByRole("button", { name: "Buat tagihan" }).click();
    await expect(page).toHaveURL(/\/invoices\/inv_[0-9a-z]{26}$/);
    const invoiceId = page.url().split("/").pop()!;
    await page.getByRole("button", { name: "Simulasikan pembayaran (sandbox)" }).click();
    await expect(page.getByTestId("payment-panel")).toHaveAttribute("data-status", "paid");

    // The worker delivers it; the receiver checks the signature with the reference library.
    await expect.poll(() => receiver.received.filter((r) => r.body.includes('"topup.success"')).length, { timeout: 15_000 }).toBe(1);
    const delivered = receiver.received.find((r) => r.body.includes('"topup.success"'))!;
    const event = new Webhook(secret).verify(delivered.body, {
      "webhook-id": String(delivered.headers["webhook-id"]),
      "webhook-timestamp": String(delivered.headers["webhook-timestamp"]),
      "webhook-signature": String(delivered.headers["webhook-signature"]),
    }) as { type: string; data: { id: string; status: string } };
    expect(event).toMatchObject({ type: "topup.success", data: { id: invoiceId, status: "Success" } });

    await page.goto("/developers/webhooks?type=topup.success");
    const row = page.getByTestId("delivery-row").filter({ hasText: "topup.success" });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("attempt-count")).toHaveText(/1$/);
    await expect(row).toContainText("Terkirim");
    await row.getByRole("button", { name: "Kirim ulang" }).click();
    await expect(row.getByTestId("attempt-count")).toHaveText(/2$/);
    await row.getByText("Percobaan pengiriman").click();
    await expect(row.getByTestId("delivery-attempt")).toHaveCount(2);
    await expect(row.getByTestId("delivery-attempt").last()).toContainText("manual");
    expect(receiver.received.filter((r) => r.headers["webhook-id"] === delivered.headers["webhook-id"])).toHaveLength(2);
  } finally {
    await receiver.close();
  }
});
