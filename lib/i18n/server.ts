import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { resolveLocale, translator, type Locale, type Translate } from "./translate";

export const LOCALE_COOKIE = "locale";

/** The request's language: switch cookie, then the person's preferred language, then the browser, then the default. */
export const getLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList, user] = await Promise.all([cookies(), headers(), getCurrentUser()]);
  return resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    preferred: user?.preferredLanguage,
    acceptLanguage: headerList.get("accept-language"),
    fallback: env().DEFAULT_LANGUAGE,
  });
});

export async function getT(): Promise<Translate> {
  return translator(await getLocale());
}
