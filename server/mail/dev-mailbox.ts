// /dev/mailbox: the demo's inbox. Lists the mail rows (kept without SMTP_URL, or sent) newest
// first and shows one. Only outside production, or on a staging box that declared the sandbox
// (ALLOW_SANDBOX_IN_PRODUCTION=1 and SANDBOX=1): env.SANDBOX is already false in production otherwise.
import { db } from "../db";
import { env } from "../env";
import { pageResult, pageSkip, type Page, type PageRequest } from "../../lib/pagination";

export function devMailboxEnabled(): boolean {
  return env.NODE_ENV !== "production" || env.SANDBOX;
}

export type MailRow = { id: string; to: string; subject: string; kind: string; status: string; createdAt: Date };

export async function listMailMessages(request: PageRequest): Promise<Page<MailRow>> {
  const [items, total] = await Promise.all([
    db.mailMessage.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: pageSkip(request),
      take: request.pageSize,
      select: { id: true, to: true, subject: true, kind: true, status: true, createdAt: true },
    }),
    db.mailMessage.count(),
  ]);
  return pageResult(items, total, request);
}

export async function findMailMessage(id: string) {
  if (id.length > 64) return null;
  return db.mailMessage.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, kind: true, status: true, createdAt: true, text: true, html: true },
  });
}
