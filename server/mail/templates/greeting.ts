// The salutation every notification mail opens with.
import type { MailLocale } from "../layout";

export const greetingFor = (locale: MailLocale, name?: string | null) => (locale === "en" ? `Hello${name ? ` ${name}` : ""},` : `Halo${name ? ` ${name}` : ""},`);
