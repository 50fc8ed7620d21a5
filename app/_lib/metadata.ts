import { getTranslations } from "next-intl/server";

/** A page's `generateMetadata`: its title from the messages, in the reader's language. */
export function titleFrom(namespace: string, key = "title") {
  return async () => ({ title: (await getTranslations(namespace))(key) });
}

/** What a page gets as `searchParams`. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
