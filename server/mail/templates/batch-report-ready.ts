// Mail: a batch payout finished and its report can be downloaded.
import { renderMail, type MailLocale, type RenderedMail } from "../layout";
import { greetingFor } from "./greeting";

export type BatchReportReadyData = { name?: string | null; batchId: string; url: string; rows: number; succeeded: number; failed: number };

const count = (n: number) => new Intl.NumberFormat("id-ID").format(n);

export function batchReportReadyMail(locale: MailLocale, d: BatchReportReadyData): RenderedMail {
  return locale === "en"
    ? renderMail({
        subject: `Batch report ready: ${count(d.succeeded)} of ${count(d.rows)} succeeded`,
        greeting: greetingFor(locale, d.name),
        paragraphs: [`Batch ${d.batchId} is done: ${count(d.rows)} rows, ${count(d.succeeded)} succeeded, ${count(d.failed)} failed.`],
        action: { label: "Download the report", url: d.url },
      })
    : renderMail({
        subject: `Laporan batch siap: ${count(d.succeeded)} dari ${count(d.rows)} berhasil`,
        greeting: greetingFor(locale, d.name),
        paragraphs: [`Batch ${d.batchId} selesai: ${count(d.rows)} baris, ${count(d.succeeded)} berhasil, ${count(d.failed)} gagal.`],
        action: { label: "Unduh laporan", url: d.url },
      });
}
