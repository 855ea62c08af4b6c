import type { Locale } from "./locales";

export type MessageOverrides = Partial<Record<Locale, Record<string, string>>>;

// Process-wide (globalThis): Next.js bundles pages and route handlers with their own copies of modules, and the
// settings loader of any copy must reach every copy's translator. The version lets translators rebuild lazily.
const shared = globalThis as unknown as { __messageOverrides?: { version: number; byLocale: MessageOverrides; json: string } };

export function currentOverrides(): { version: number; byLocale: MessageOverrides } {
  return shared.__messageOverrides ?? { version: 0, byLocale: {} };
}

/** Called whenever the settings are (re)loaded or saved: the space's own wording, effective for every translator. */
export function applyMessageOverrides(byLocale: MessageOverrides): void {
  const prev = shared.__messageOverrides;
  if (prev && prev.byLocale === byLocale) return;
  const json = JSON.stringify(byLocale);
  if (prev && prev.json === json) {
    prev.byLocale = byLocale;
    return;
  }
  shared.__messageOverrides = { version: (prev?.version ?? 0) + 1, byLocale, json };
}
