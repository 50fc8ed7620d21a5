// Next.js Proxy (formerly middleware), run before every page: a fresh CSP nonce per request
// (Next.js reads it from the request's Content-Security-Policy and puts it on its scripts), and
// the public pay page limited per IP. API routes are not matched: they set their own limits and
// read their own bodies (a matched route's body would be buffered here first).
import { NextResponse, type NextRequest } from "next/server";
import { appUrl } from "@/server/env";
import { isAppError } from "@/server/errors";
import { clientIp } from "@/server/http/client-ip";
import { requestLimiters } from "@/server/http/request-rate-limits";
import { newNonce, pageContentSecurityPolicy } from "@/server/http/security-headers";

export async function proxy(request: NextRequest) {
  // The public pages anyone may open: the pay page, a payment link's page (/l/<id>), a receipt's
  // check page (/r/<code>) and an invitation (/invite/<token>).
  const path = request.nextUrl.pathname;
  if (path.startsWith("/pay/") || path.startsWith("/l/") || path.startsWith("/r/") || path.startsWith("/invite/")) {
    try {
      await requestLimiters().admitPublicRequest(clientIp(request.headers));
    } catch (error) {
      if (!isAppError(error) || error.code !== "RATE_LIMITED") throw error;
      return NextResponse.json(
        { success: false, error: error.message, code: error.code },
        { status: 429, headers: { "retry-after": String(error.details?.retryAfterSeconds ?? 60), "cache-control": "no-store" } },
      );
    }
  }

  const nonce = newNonce();
  const csp = pageContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    upgradeInsecureRequests: appUrl().startsWith("https://"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Every page; not /api, build assets or the favicon, and not link prefetches.
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
