// One look for every mail: a subject, a greeting, a few paragraphs and at most one button,
// rendered as plain text and as simple HTML (inline styles only; mail clients ignore CSS files).
export type MailLocale = "id" | "en";
export type RenderedMail = { subject: string; text: string; html: string };
export type MailContent = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A line under the button, e.g. how long a link stays valid or "ignore this if it wasn't you". */
  footnote?: string;
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderMail(content: MailContent): RenderedMail {
  const text = [
    content.greeting,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...(content.footnote ? [content.footnote, ""] : []),
    "— Saldo",
  ].join("\n");
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#0f766e;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="font-size:12px;color:#555">${escapeHtml(content.action.url)}</p>`
    : "";
  const html =
    `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">` +
    `<p style="font-weight:700;color:#0f766e;font-size:18px">Saldo</p>` +
    `<p>${escapeHtml(content.greeting)}</p>` +
    content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("") +
    button +
    (content.footnote ? `<p style="font-size:12px;color:#555">${escapeHtml(content.footnote)}</p>` : "") +
    `</body></html>`;
  return { subject: content.subject, text, html };
}

/** Picks the recipient's language; anything but "en" reads Indonesian. */
export const mailLocale = (locale: string | null | undefined): MailLocale => (locale === "en" ? "en" : "id");
