// Mail: the merchant's callback endpoint answered 410 Gone and was disabled.
import { appUrl } from "../../env";
import { formatWib } from "../../../lib/format";
import { renderMail, type MailLocale, type RenderedMail } from "../layout";
import { greetingFor } from "./greeting";

export type CallbackEndpointDisabledData = { name?: string | null; url: string; at: Date };

export function callbackEndpointDisabledMail(locale: MailLocale, d: CallbackEndpointDisabledData): RenderedMail {
  const at = formatWib(d.at, locale);
  const action = { label: locale === "en" ? "Open Developers" : "Buka Developer", url: `${appUrl()}/developers` };
  return locale === "en"
    ? renderMail({
        subject: "Callback endpoint disabled",
        greeting: greetingFor(locale, d.name),
        paragraphs: [`Your callback endpoint ${d.url} answered 410 Gone on ${at}, so Saldo stopped sending callbacks to it.`, "Save the endpoint again (or a new URL) to resume callbacks."],
        action,
      })
    : renderMail({
        subject: "Endpoint callback dinonaktifkan",
        greeting: greetingFor(locale, d.name),
        paragraphs: [`Endpoint callback Anda ${d.url} menjawab 410 Gone pada ${at}, sehingga Saldo berhenti mengirim callback ke sana.`, "Simpan ulang endpoint (atau URL baru) untuk melanjutkan callback."],
        action,
      });
}
