// Mail: every delivery to the merchant's callback endpoint has failed for an hour (once per spell).
import { appUrl } from "../../env";
import { formatWib } from "../../../lib/format";
import { renderMail, type MailLocale, type RenderedMail } from "../layout";
import { greetingFor } from "./greeting";

export type CallbackEndpointFailingData = { name?: string | null; url: string; failingSince: Date; attempts: number; lastError: string | null };

export function callbackEndpointFailingMail(locale: MailLocale, d: CallbackEndpointFailingData): RenderedMail {
  const since = formatWib(d.failingSince, locale);
  const action = { label: locale === "en" ? "Open the delivery log" : "Buka log pengiriman", url: `${appUrl()}/developers` };
  return locale === "en"
    ? renderMail({
        subject: "Callback endpoint failing for an hour",
        greeting: greetingFor(locale, d.name),
        paragraphs: [
          `Every callback to ${d.url} has failed since ${since} (${d.attempts} attempts in the last hour).`,
          ...(d.lastError ? [`Last error: ${d.lastError}`] : []),
          "Saldo keeps retrying; fix the receiver and the callbacks will arrive.",
        ],
        action,
      })
    : renderMail({
        subject: "Endpoint callback gagal selama satu jam",
        greeting: greetingFor(locale, d.name),
        paragraphs: [
          `Semua callback ke ${d.url} gagal sejak ${since} (${d.attempts} percobaan dalam satu jam terakhir).`,
          ...(d.lastError ? [`Galat terakhir: ${d.lastError}`] : []),
          "Saldo terus mencoba ulang; perbaiki penerima dan callback akan sampai.",
        ],
        action,
      });
}
