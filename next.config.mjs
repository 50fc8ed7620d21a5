import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR: a build folder of its own (a benchmark or a second checkout building beside the test run).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and engine-bearing packages load from node_modules at run time instead of the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "bcryptjs", "ioredis", "rate-limiter-flexible", "undici", "@react-pdf/renderer"],
  poweredByHeader: false,
  typedRoutes: false,
  // Security headers on every response. The pages' Content-Security-Policy carries a per-request
  // nonce and is set by proxy.ts (server/http/security-headers.ts); /api answers get a fixed one here.
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          // Browsers ignore HSTS on plain http (localhost, the e2e run), so production always sends it.
          ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
      {
        // JSON, CSV and QR images: nothing in them may load or run anything, nor be framed.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
      {
        // next-auth's own fallback pages (error, sign-out confirmation) are styled inline and post forms to themselves.
        source: "/api/auth/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
