import { de } from "./messages/de";
import { en, type Catalog, type MessageKey } from "./messages/en";

// Plain TypeScript, no Next.js: the domain (e.g. password-reset mails) and the broker use it too.
export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

const CATALOGS: Record<Locale, Catalog> = { en, de };

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** `{name}` placeholders are replaced; an unknown placeholder stays visible rather than vanishing silently. */
export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, vars) => {
    const text = catalog[key] ?? en[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}

/** The best supported language from an Accept-Language header ("de-AT,de;q=0.9,en;q=0.8"), or null. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return null;
}

/** Cookie beats the person's setting beats the browser beats the installation default. */
export function resolveLocale(sources: { cookie?: string | null; preferred?: string | null; acceptLanguage?: string | null; fallback: Locale }): Locale {
  if (sources.cookie && isLocale(sources.cookie)) return sources.cookie;
  if (sources.preferred && isLocale(sources.preferred)) return sources.preferred;
  return localeFromAcceptLanguage(sources.acceptLanguage) ?? sources.fallback;
}

/** For keys built from data (e.g. `status.${key}`): admins may add statuses that have no translation yet. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
