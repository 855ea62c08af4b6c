const MAX_SLUG = 60;

/**
 * "Zoë O'Brien-Müller" → "zoe-o-brien-muller": letters and digits, accents dropped, dashes between. A text of
 * digits only would read as an id and a text of other scripts leaves nothing: those get the fallback in front.
 */
export function slugOf(text: string, fallback: string): string {
  const plain = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG)
    .replace(/-+$/, "");
  return plain === "" || /^\d+$/.test(plain) ? `${fallback}${plain ? `-${plain}` : ""}` : plain;
}

/** What a slug in an address may look like; anything else is not one of ours (404 without asking the database). */
export function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG + 12 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}

/** "maria-rossi-2" was made from "maria-rossi". */
export function slugMadeFrom(slug: string, base: string): boolean {
  return slug === base || (slug.startsWith(`${base}-`) && /^\d+$/.test(slug.slice(base.length + 1)));
}

/** The first of base, base-2, base-3 … that is not taken. `taken` holds the slugs made from base already in use. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The LIKE pattern of base's namesakes (base-…), with LIKE's wildcards in base escaped. */
export function namesakePattern(base: string): string {
  return `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
}
