import { LOCALES, translator, type Translate } from "@/lib/i18n/translate";
import type { columnsEn } from "@/lib/i18n/messages/columns-en";

/**
 * Headers of exported tables (CSV, XLSX) in the reader's language, and the way back for imports: a header cell is
 * the column's key or its label in any of the languages, so a file exported in Italian imports in a German
 * session, and files written by hand or by scripts with the keys keep working.
 */
export type ColumnKey = { [K in keyof typeof columnsEn]: K extends `col.${infer C}` ? C : never }[keyof typeof columnsEn];

export function columnHeaders(t: Translate, keys: readonly ColumnKey[]): string[] {
  return keys.map((k) => t(`col.${k}`));
}

const squash = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/** The key of the accepted column a header cell names, or null (an unknown column). */
export function columnOfHeader<K extends ColumnKey>(cell: string, accepted: readonly K[]): K | null {
  const wanted = squash(cell);
  if (!wanted) return null;
  for (const key of accepted) if (squash(key) === wanted) return key;
  for (const locale of LOCALES) {
    const t = translator(locale);
    for (const key of accepted) if (squash(t(`col.${key}`)) === wanted) return key;
  }
  return null;
}
