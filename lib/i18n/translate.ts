import { CATALOGS } from "./catalogs";
import { icuTranslator, type Vars } from "./icu";
import { isLocale, localeFromAcceptLanguage, LOCALES, type Locale } from "./locales";
import { en, type MessageKey } from "./messages/en";
import { currentOverrides } from "./overrides";

// Plain TypeScript, no Next.js: the domain (mails, exports) and the broker use it too.
export { LOCALES, isLocale, localeFromAcceptLanguage, type Locale };
export type { MessageKey };

export type Translate = (key: MessageKey, vars?: Vars) => string;

const cache = new Map<Locale, { version: number; t: Translate }>();

function current(locale: Locale): Translate {
  const version = currentOverrides().version;
  const hit = cache.get(locale);
  if (hit && hit.version === version) return hit.t;
  const t: Translate = icuTranslator(locale, catalogFor(locale));
  cache.set(locale, { version, t });
  return t;
}

/**
 * ICU messages (plurals, select, numbers) through next-intl's core. The space's own wording (admin overrides,
 * saved in the settings) wins over the language's text, which wins over English; a translator kept by a caller
 * follows a change of wording from its next call on.
 */
export function translator(locale: Locale): Translate {
  return (key, vars) => current(locale)(key, vars);
}

const catalogs = new Map<Locale, { version: number; catalog: Readonly<Record<string, string>> }>();

/**
 * The texts a language shows: the space's own wording over the language's catalog over English. Kept per language
 * until the wording changes (merging the catalogs is thousands of keys; the root layout asks on every request).
 */
export function catalogFor(locale: Locale): Readonly<Record<string, string>> {
  const { version, byLocale } = currentOverrides();
  const hit = catalogs.get(locale);
  if (hit && hit.version === version) return hit.catalog;
  const catalog = Object.freeze({ ...en, ...CATALOGS[locale], ...byLocale[locale] });
  catalogs.set(locale, { version, catalog });
  return catalog;
}

/** Cookie beats the person's setting beats the browser beats the space's default; only languages the space offers count. */
export function resolveLocale(sources: {
  cookie?: string | null;
  preferred?: string | null;
  acceptLanguage?: string | null;
  fallback: Locale;
  offered?: readonly Locale[];
}): Locale {
  const offered = sources.offered ?? LOCALES;
  const ok = (value: string | null | undefined): value is Locale => !!value && isLocale(value) && offered.includes(value);
  if (ok(sources.cookie)) return sources.cookie;
  if (ok(sources.preferred)) return sources.preferred;
  return localeFromAcceptLanguage(sources.acceptLanguage, offered) ?? sources.fallback;
}

/** For keys built from data (e.g. `status.${key}`): admins may add statuses that have no translation yet. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
