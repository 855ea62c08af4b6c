// Plain TypeScript, no Next.js and no catalogs: env, schemas and the language pickers import just this.
export const LOCALES = ["en", "de", "nl", "it"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The languages the space offers, in the app's order: the saved list, or all of them if it names none we know. */
export function offeredLocales(saved: readonly string[]): Locale[] {
  const offered = LOCALES.filter((l) => saved.includes(l));
  return offered.length > 0 ? offered : [...LOCALES];
}

/**
 * The languages a space offers and the one a request falls back to: its default while it offers it, else the first
 * it offers. One rule for the pages (server.ts) and the web server's error page (scripts/web/error-shell-fallback.ts).
 */
export function spaceLocales(settings: { languages: readonly string[]; defaultLanguage: string }): { offered: Locale[]; fallback: Locale } {
  const offered = offeredLocales(settings.languages);
  return { offered, fallback: chosenLocale(offered, null, settings.defaultLanguage) };
}

/**
 * What the profile's language picker shows as chosen: the person's saved language while the space still offers
 * it, else the space's default.
 */
export function chosenLocale(offered: readonly Locale[], saved: string | null | undefined, spaceDefault: string): Locale {
  return offered.find((l) => l === saved) ?? offered.find((l) => l === spaceDefault) ?? offered[0] ?? "en";
}

/**
 * The first of the reader's languages (BCP 47 tags, most wanted first: `navigator.languages`, a ranked
 * Accept-Language) that we offer, by its primary subtag ("de-AT" is German), or null.
 */
export function localeFromLanguages(tags: readonly string[], offered: readonly Locale[] = LOCALES): Locale | null {
  for (const tag of tags) {
    const lang = tag.trim().toLowerCase().split("-")[0] ?? "";
    if (isLocale(lang) && offered.includes(lang)) return lang;
  }
  return null;
}

/** The best supported language from an Accept-Language header ("de-AT,de;q=0.9,en;q=0.8"), or null. */
export function localeFromAcceptLanguage(header: string | null | undefined, offered: readonly Locale[] = LOCALES): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return localeFromLanguages(
    ranked.map((entry) => entry.tag),
    offered,
  );
}
