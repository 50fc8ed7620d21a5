// A readable name for a browser ("Chrome on Windows"), shown on the Security page and in the
// new sign-in mail. Parsed with bowser (a well-kept user-agent parser) rather than by hand.
import Bowser from "bowser";

export function deviceLabel(userAgent: string | null | undefined): string {
  const ua = userAgent?.trim();
  if (!ua) return "Unknown device";
  try {
    const parsed = Bowser.parse(ua);
    const browser = parsed.browser.name;
    const os = parsed.os.name;
    if (browser && os) return `${browser} on ${os}`;
    if (browser) return browser;
    if (os) return os;
  } catch {
    // An odd user agent is not an error: fall through to a cut-down copy of it.
  }
  return ua.slice(0, 60);
}
