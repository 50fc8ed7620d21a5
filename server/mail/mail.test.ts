import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { enqueueMail } from "./enqueue-mail";
import { renderMail } from "./layout";
import { purgeMail, sendPendingMail } from "./send-pending-mail";

type Received = { to: string[]; raw: string };
const received: Received[] = [];
let refuseNext = 0;
let smtp: SMTPServer;
let smtpUrl = "";

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuseNext > 0) {
          refuseNext--;
          return callback(Object.assign(new Error("mailbox busy"), { responseCode: 451 }));
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const sample = (to: string) => ({
  kind: "test",
  to,
  locale: "en" as const,
  ...renderMail({ subject: "Hello <there>", greeting: "Hi,", paragraphs: ["Line & more"], action: { label: "Open", url: "https://saldo.test/x?a=1&b=2" } }),
});

describe("mail outbox", () => {
  it("renders text and escaped HTML", () => {
    const mail = sample("a@b.test");
    expect(mail.text).toContain("Open: https://saldo.test/x?a=1&b=2");
    expect(mail.html).toContain("Line &amp; more");
    expect(mail.html).not.toContain("<there>");
  });

  it("sends a queued mail over SMTP once and blanks its body after", async () => {
    const { id } = await enqueueMail(db, sample("Finance@Example.test"));
    expect(await sendPendingMail({ smtpUrl })).toBeGreaterThanOrEqual(1);
    expect(await sendPendingMail({ smtpUrl })).toBe(0);
    const mine = received.filter((r) => r.to.includes("finance@example.test"));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.raw).toContain("Subject: Hello <there>");
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "sent", attempts: 1, text: null, html: null });
    expect(row.sentAt).not.toBeNull();
  });

  it("retries a refused mail later, and marks it failed after the last attempt", async () => {
    refuseNext = 1;
    const { id } = await enqueueMail(db, sample("retry@example.test"));
    await sendPendingMail({ smtpUrl });
    let row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("pending");
    expect(row.lastError).toMatch(/busy/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing is sent.
    await sendPendingMail({ smtpUrl });
    expect(received.filter((r) => r.to.includes("retry@example.test"))).toHaveLength(0);
    await sendPendingMail({ smtpUrl, now: new Date(Date.now() + 10 * 60_000) });
    row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("sent");
    expect(received.filter((r) => r.to.includes("retry@example.test"))).toHaveLength(1);

    refuseNext = 100;
    const failing = await enqueueMail(db, sample("never@example.test"));
    for (let i = 0; i < 10; i++) await sendPendingMail({ smtpUrl, now: new Date(Date.now() + 365 * 86_400_000) });
    refuseNext = 0;
    const failed = await db.mailMessage.findUniqueOrThrow({ where: { id: failing.id } });
    expect(failed.status).toBe("failed");
    expect(failed.attempts).toBe(8);
  });

  it("keeps mail for the dev mailbox when no SMTP server is configured", async () => {
    const { id } = await enqueueMail(db, sample("kept@example.test"));
    await sendPendingMail({ smtpUrl: null });
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "kept", text: expect.stringContaining("Line & more") });
  });

  it("two workers at once send each mail once", async () => {
    const before = received.length;
    await Promise.all(Array.from({ length: 10 }, (_, i) => enqueueMail(db, sample(`race${i}@example.test`))));
    await Promise.all([sendPendingMail({ smtpUrl }), sendPendingMail({ smtpUrl })]);
    const race = received.slice(before).filter((r) => r.to[0]?.startsWith("race"));
    expect(race).toHaveLength(10);
    expect(new Set(race.map((r) => r.to[0])).size).toBe(10);
  });

  it("purges old rows only", async () => {
    const { id } = await enqueueMail(db, sample("old@example.test"));
    await db.mailMessage.update({ where: { id }, data: { status: "sent", createdAt: new Date(Date.now() - 40 * 86_400_000) } });
    expect(await purgeMail()).toBeGreaterThanOrEqual(1);
    expect(await db.mailMessage.findUnique({ where: { id } })).toBeNull();
  });
});
