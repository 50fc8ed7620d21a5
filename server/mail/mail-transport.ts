// The SMTP path (nodemailer over SMTP_URL), one pooled transport per URL and process.
import nodemailer, { type Transporter } from "nodemailer";
import { mailEnv } from "../env";

const transports = new Map<string, Transporter>();

export function mailTransport(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl, { from: mailEnv.MAIL_FROM });
    transports.set(smtpUrl, transport);
  }
  return transport;
}
