import { createTranslator } from "use-intl/core";
import { intlLocale } from "./intl-locale";
import type { Locale } from "./locales";

import { encodeKey } from "./keys";

export type Vars = Record<string, string | number>;

// A plain `{n}` shows a number as before (a year, an id, a port: no grouping); plurals, `#` and `{n, number}`
// still format it by the locale's rules, since ICU reads the string back as a number there.
function plainValues(vars: Vars): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)]));
}

/** What a message that cannot be formatted (a variable not passed) shows: its text with the variables given filled in. */
export function fillPlain(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** An ICU formatter over one flat catalog (already merged: overrides over the language over English). */
export function icuTranslator(locale: Locale, catalog: Readonly<Record<string, string>>): (key: string, vars?: Vars) => string {
  const messages = Object.fromEntries(Object.entries(catalog).map(([k, v]) => [encodeKey(k), v]));
  let failed = false;
  const t = createTranslator({
    locale: intlLocale(locale),
    messages,
    // A broken or unfed message must not take the page down: the wrapper below shows its text with what was given filled in.
    onError: () => {
      failed = true;
    },
  }) as unknown as (key: string, values?: Record<string, string>) => string;
  return (key, vars) => {
    const text = catalog[key];
    if (text === undefined) return key;
    failed = false;
    const out = t(encodeKey(key), vars ? plainValues(vars) : undefined);
    return failed ? fillPlain(text, vars) : out;
  };
}
