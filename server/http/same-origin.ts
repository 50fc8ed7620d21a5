// Cross-site request refusal (CSRF) for routes a browser reaches with the session cookie: a
// state-changing request (anything but GET/HEAD/OPTIONS) must come from the app's own pages.
//
// A browser always says where a request comes from: `Origin` on every POST (and `Sec-Fetch-Site`
// on every request, in current browsers), and a page on another site can neither forge nor drop
// them. The request is same-origin when its Origin's host is the host it was sent to (the Host
// header, or X-Forwarded-Host behind a proxy — headers a cross-site page cannot set either), or is
// the origin of APP_URL / NEXTAUTH_URL. Without Origin, `Sec-Fetch-Site: same-origin` (or `none`,
// typed by the user) passes. A request with neither header is not from a browser, so it carries no
// victim's cookie, and passes (server-to-server clients, tests).
import { env } from "../env";

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The origins always accepted: the configured public URLs of the app. */
export function configuredOrigins(): string[] {
  return [env.APP_URL, env.NEXTAUTH_URL].map(originOf).filter((o): o is string => o !== null);
}

function hostsOf(req: Request): string[] {
  const hosts = [req.headers.get("host"), req.headers.get("x-forwarded-host")?.split(",")[0]];
  return hosts.map((h) => h?.trim().toLowerCase()).filter((h): h is string => Boolean(h));
}

export function checkSameOrigin(req: Request, allowedOrigins: string[] = configuredOrigins()): OriginVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  const origin = req.headers.get("origin");
  if (origin !== null) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return { ok: false, reason: `unreadable Origin ${JSON.stringify(origin.slice(0, 100))}` };
    }
    if (parsed.origin === "null" || !/^https?:$/.test(parsed.protocol)) return { ok: false, reason: `opaque Origin ${origin.slice(0, 100)}` };
    if (allowedOrigins.includes(parsed.origin)) return { ok: true };
    if (hostsOf(req).includes(parsed.host.toLowerCase())) return { ok: true };
    return { ok: false, reason: `Origin ${parsed.origin} is not this site` };
  }
  const site = req.headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (site === undefined) return { ok: true };
  if (site === "same-origin" || site === "none") return { ok: true };
  return { ok: false, reason: `Sec-Fetch-Site: ${site}` };
}

/** 403 in the error envelope for a cross-site state-changing request, or null when it may go on. */
export function refuseCrossSite(req: Request, allowedOrigins?: string[]): Response | null {
  const verdict = checkSameOrigin(req, allowedOrigins);
  if (verdict.ok) return null;
  console.warn(`[csrf] refused ${req.method} ${new URL(req.url).pathname}: ${verdict.reason}`);
  return new Response(JSON.stringify({ success: false, error: "Permintaan lintas situs ditolak / Cross-site request refused", code: "FORBIDDEN" }), {
    status: 403,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}
