// Issue 13.7 end to end: the security headers on a page and on an API route of the production
// build, pages that work under their Content-Security-Policy, and a cross-origin POST to a tRPC
// mutation refused before it runs.
import { expect, test } from "@playwright/test";

test("a page carries a nonce-based CSP and the other security headers, and runs under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });

  const response = await page.goto("/login");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = csp.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  expect(nonce, `CSP: ${csp}`).toBeTruthy();
  expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  // `next start` is production: HSTS is sent (browsers ignore it on plain http, as here).
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");

  // Every script tag Next.js rendered carries this request's nonce.
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // A second request gets a fresh nonce.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  // The page hydrated under the policy: the form is interactive and nothing was blocked.
  await page.getByLabel("Email").fill("someone@saldo.test");
  await expect(page.getByLabel("Email")).toHaveValue("someone@saldo.test");
  await page.goto("/register");
  await expect(page.getByRole("button", { name: "Daftar" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("an API route carries the API's CSP and the security headers", async ({ request }) => {
  const response = await request.get("/api/v1/balance");
  expect(response.status()).toBe(401);
  const headers = response.headers();
  expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(await response.json()).toMatchObject({ success: false, code: "UNAUTHORIZED" });
});

test("a cross-origin POST to a tRPC mutation is refused; the same request from the app's own origin goes through", async ({ request, baseURL }) => {
  const input = { json: { businessName: "Toko CSRF", email: `csrf-${Date.now()}@saldo.test`, password: "rahasia-123" } };

  const crossOrigin = await request.post("/api/trpc/auth.register", { headers: { origin: "https://evil.example", "content-type": "application/json" }, data: input });
  expect(crossOrigin.status()).toBe(403);
  expect(await crossOrigin.json()).toEqual({ success: false, error: "Permintaan lintas situs ditolak / Cross-site request refused", code: "FORBIDDEN" });

  const crossSite = await request.post("/api/trpc/auth.register", { headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" }, data: input });
  expect(crossSite.status()).toBe(403);

  // The refused requests did nothing: the same registration from the app's own origin succeeds
  // (it would answer "email already registered" had one of them run).
  const sameOrigin = await request.post("/api/trpc/auth.register", { headers: { origin: new URL(baseURL!).origin, "content-type": "application/json" }, data: input });
  expect(sameOrigin.status(), await sameOrigin.text()).toBe(200);
});
