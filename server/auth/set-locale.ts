import { transaction } from "../db";
import { localeSchema, type Locale } from "./schemas";

/** Remembers the user's language so it follows them to another browser. */
export async function setUserLocale(userId: string, locale: Locale) {
  const value = localeSchema.parse(locale);
  await transaction((tx) => tx.user.update({ where: { id: userId }, data: { locale: value } }));
  return value;
}
