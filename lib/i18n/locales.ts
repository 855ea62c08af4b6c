// Plain TypeScript, no Next.js and no catalogs: env, schemas and the language pickers import just this.
export const LOCALES = ["en", "de", "nl", "it"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
