// Mail the app sent during the e2e run, as the real SMTP server in scripts/e2e-server.mjs received it.
import { expect } from "@playwright/test";

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; html: string; receivedAt: string };

const mailboxUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 3}/messages`;

export async function mailTo(address: string): Promise<ReceivedMail[]> {
  const res = await fetch(`${mailboxUrl}?to=${encodeURIComponent(address)}`);
  return (await res.json()) as ReceivedMail[];
}

/** Waits for a mail to `address` whose subject matches, and returns it (the newest such). */
export async function waitForMail(address: string, subject: RegExp, timeout = 30_000): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(async () => {
      found = (await mailTo(address)).filter((m) => subject.test(m.subject)).at(-1);
      return Boolean(found);
    }, { timeout, message: `a mail to ${address} matching ${subject}` })
    .toBe(true);
  return found!;
}

/** The first link in the mail's text that starts with `prefix` (e.g. the app's origin + "/reset-password"). */
export function linkIn(mail: ReceivedMail, pathPart: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(pathPart));
  if (!link) throw new Error(`no link containing ${pathPart} in mail "${mail.subject}"`);
  return link;
}
