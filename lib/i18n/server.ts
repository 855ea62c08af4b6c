import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSpace } from "@/lib/web/space";
import { encodeKey } from "./keys";
import { offeredLocales, spaceLocales } from "./locales";
import { catalogFor, resolveLocale, translator, type Locale, type MessageKey, type Translate } from "./translate";

export const LOCALE_COOKIE = "locale";

/** The request's language: switch cookie, then the person's preferred language, then the browser, then the space's default. */
export const getLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList, user, space] = await Promise.all([cookies(), headers(), getCurrentUser(), getSpace()]);
  const { offered, fallback } = spaceLocales(space);
  return resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    preferred: user?.preferredLanguage,
    acceptLanguage: headerList.get("accept-language"),
    fallback,
    offered,
  });
});

/** The languages the space offers, in the app's order (the saved list; all of them if it names none we know). */
export async function getOfferedLocales(): Promise<Locale[]> {
  return offeredLocales((await getSpace()).languages);
}

export async function getT(): Promise<Translate> {
  // Loading the settings first also brings the space's own wording (overrides) up to date in this process.
  await getSpace();
  return translator(await getLocale());
}

/** Only the messages a client component needs reach the browser (next-intl's provider gets exactly these). */
export async function clientMessages(keys: readonly MessageKey[]): Promise<Record<string, string>> {
  await getSpace();
  const catalog = catalogFor(await getLocale());
  return Object.fromEntries(keys.map((key) => [encodeKey(key), catalog[key] ?? key]));
}
