// The Content-Security-Policy of the app's pages, built per request by proxy.ts with a fresh
// nonce (Next.js reads it from the request's CSP header and puts it on its own script tags).
// The headers that are the same on every response (HSTS, Referrer-Policy, Permissions-Policy,
// X-Content-Type-Options, X-Frame-Options, and the API routes' CSP) are set in next.config.mjs.
//
// What the pages need: scripts only from this origin, loaded by Next's nonce-tagged bootstrap
// ('strict-dynamic'); styles from this origin plus inline style attributes (React, Radix and chart
// components render `style="…"` on the server; a nonce cannot cover attributes, and with a nonce
// present browsers would ignore 'unsafe-inline'); images from this origin (QR PNG/SVG routes),
// data: and blob: (QR canvases); fetch and server-sent events (tRPC, live status) to this origin
// only; no plugins, no framing, forms and <base> only to this origin.

/** 128 random bits, base64: a CSP nonce. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageContentSecurityPolicy(options: { nonce: string; development: boolean; upgradeInsecureRequests: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.upgradeInsecureRequests ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
