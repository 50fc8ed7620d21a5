// next-intl without locale routing: the locale comes from the cookie set by the language switch.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./config";
import { loadMessages } from "./messages";
import { TIME_ZONE } from "../format";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: await loadMessages(locale),
  };
});
