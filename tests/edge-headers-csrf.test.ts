// Issue 13.7: security headers (CSP with a per-request nonce on pages, a fixed one on /api,
// HSTS in production, Referrer-Policy, Permissions-Policy, nosniff, no framing) and the Origin
// check on state-changing tRPC requests.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import * as trpcRoute from "@/app/api/trpc/[trpc]/route";
import nextConfig from "@/next.config.mjs";
import { proxy } from "@/proxy";
import { checkSameOrigin } from "@/server/http/same-origin";
import { pageContentSecurityPolicy } from "@/server/http/security-headers";
import { withTrpcGuards } from "@/server/http/trpc-guards";

const post = (headers: Record<string, string>, url = "http://localhost:3100/api/trpc/deposits.create") =>
  new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" });

describe("13.7 Origin check (CSRF)", () => {
  const app = ["http://localhost:3999"];

  it("13.7 a POST whose Origin is another site is refused; the app's own origin, and the host it was sent to, pass", () => {
    expect(checkSameOrigin(post({ origin: "https://evil.example", host: "localhost:3100" }), app).ok).toBe(false);
    expect(checkSameOrigin(post({ origin: "http://localhost:3100.evil.example", host: "localhost:3100" }), app).ok).toBe(false);
    expect(checkSameOrigin(post({ origin: "http://localhost:3101", host: "localhost:3100" }), app).ok).toBe(false);
    expect(checkSameOrigin(post({ origin: "null", host: "localhost:3100" }), app).ok).toBe(false);
    // Same host the request was sent to (the e2e runs the app on two ports; each is its own origin).
    expect(checkSameOrigin(post({ origin: "http://localhost:3100", host: "localhost:3100" }), app).ok).toBe(true);
    expect(checkSameOrigin(post({ origin: "http://localhost:3101", host: "localhost:3101" }), app).ok).toBe(true);
    // APP_URL's origin, e.g. behind a proxy that rewrites Host.
    expect(checkSameOrigin(post({ origin: "http://localhost:3999", host: "app:3000" }), app).ok).toBe(true);
    expect(checkSameOrigin(post({ origin: "https://pay.example.com", host: "app:3000", "x-forwarded-host": "pay.example.com" }), app).ok).toBe(true);
  });

  it("13.7 without Origin, Sec-Fetch-Site decides; a request with neither is not a browser's and passes", () => {
    expect(checkSameOrigin(post({ "sec-fetch-site": "cross-site" }), app).ok).toBe(false);
    expect(checkSameOrigin(post({ "sec-fetch-site": "same-site" }), app).ok).toBe(false);
    expect(checkSameOrigin(post({ "sec-fetch-site": "same-origin" }), app).ok).toBe(true);
    expect(checkSameOrigin(post({}), app).ok).toBe(true);
  });

  it("13.7 reads (GET) are not checked: they change nothing", () => {
    expect(checkSameOrigin(new Request("http://localhost/api/trpc/wallet.balance", { headers: { origin: "https://evil.example" } }), app).ok).toBe(true);
  });

  it("13.7 a cross-origin POST to a tRPC mutation is refused with 403 in the error envelope before tRPC runs it", async () => {
    const res = await trpcRoute.POST(post({ origin: "https://evil.example", host: "localhost:3100" }, "http://localhost:3100/api/trpc/deposits.create?batch=1"));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ success: false, error: "Permintaan lintas situs ditolak / Cross-site request refused", code: "FORBIDDEN" });
    const fromBrowserElsewhere = await trpcRoute.POST(post({ "sec-fetch-site": "cross-site" }, "http://localhost:3100/api/trpc/auth.register"));
    expect(fromBrowserElsewhere.status).toBe(403);
  });

  it("13.7 a same-origin tRPC POST reaches the handler", async () => {
    const reached: string[] = [];
    const guarded = withTrpcGuards(async (req) => {
      reached.push(await req.text());
      return new Response("ok");
    });
    const res = await guarded(post({ origin: "http://localhost:3100", host: "localhost:3100", "sec-fetch-site": "same-origin" }));
    expect(res.status).toBe(200);
    expect(reached).toEqual(["{}"]);
  });
});

describe("13.7 security headers", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  async function configuredHeaders(path: string) {
    const rules = await nextConfig.headers!();
    const headers = new Map<string, string>();
    // Later rules override earlier ones for the same key, as Next.js applies them.
    for (const rule of rules) {
      const prefix = rule.source.replace(/\/:path\*$/, "");
      if (path === prefix || path.startsWith(`${prefix}/`) || prefix === "") for (const h of rule.headers) headers.set(h.key.toLowerCase(), h.value);
    }
    return headers;
  }

  it("13.7 every response: HSTS in production, Referrer-Policy, Permissions-Policy, nosniff, no framing", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const page = await configuredHeaders("/dashboard");
    expect(page.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    expect(page.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.get("permissions-policy")).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(page.get("x-content-type-options")).toBe("nosniff");
    expect(page.get("x-frame-options")).toBe("DENY");
    // The pages' CSP carries a per-request nonce, so it comes from proxy.ts, not from here.
    expect(page.has("content-security-policy")).toBe(false);

    const api = await configuredHeaders("/api/v1/balance");
    expect(api.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(api.get("strict-transport-security")).toBeDefined();

    vi.stubEnv("NODE_ENV", "development");
    expect((await configuredHeaders("/dashboard")).has("strict-transport-security")).toBe(false);
  });

  it("13.7 pages get a nonce-based CSP, fresh for every request, on the response and on the request Next.js renders", async () => {
    const first = await proxy(new NextRequest("http://localhost:3100/dashboard"));
    const second = await proxy(new NextRequest("http://localhost:3100/dashboard"));
    const csp = first.headers.get("content-security-policy")!;
    const nonce = csp.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce).toBeDefined();
    expect(Buffer.from(nonce!, "base64").length).toBe(16);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) hands the request headers on as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);

    const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["base-uri"]).toEqual(["'self'"]);
    expect(directives["form-action"]).toEqual(["'self'"]);
  });

  it("13.7 'unsafe-eval' only in development, upgrade-insecure-requests only when the app is served over https", () => {
    const dev = pageContentSecurityPolicy({ nonce: "abc", development: true, upgradeInsecureRequests: false });
    expect(dev).toContain("'unsafe-eval'");
    expect(dev).not.toContain("upgrade-insecure-requests");
    const prod = pageContentSecurityPolicy({ nonce: "abc", development: false, upgradeInsecureRequests: true });
    expect(prod).not.toContain("'unsafe-eval'");
    expect(prod).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(prod).toContain("upgrade-insecure-requests");
  });
});
