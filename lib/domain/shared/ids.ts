import { z } from "zod";

/** The largest value of a PostgreSQL `integer`, the type of every id and number in the schema. */
export const MAX_DB_INT = 2_147_483_647;

/**
 * An id (or other positive whole number) from a URL, query string or form: plain digits from 1 to MAX_DB_INT,
 * else null. Arrays (a repeated query parameter) use their first value. The bound matters: a larger number
 * passes Number.isSafeInteger but makes PostgreSQL refuse the query ("out of range for type integer"), which
 * would be a 500 instead of the 404 or 400 a bad address deserves.
 */
export function parseId(value: unknown): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 1 && raw <= MAX_DB_INT ? raw : null;
  if (typeof raw !== "string" || !/^\d{1,10}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= 1 && n <= MAX_DB_INT ? n : null;
}

/** Beyond any real list; keeps LIMIT/OFFSET arithmetic far from what PostgreSQL's bigint takes. */
export const MAX_PAGE = 100_000;

/** A page number from a query string: 1 for anything that is not one, at most MAX_PAGE. */
export function parsePage(value: unknown): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const n = typeof raw === "string" && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : 1;
  return Math.min(MAX_PAGE, Math.max(1, n));
}

/** For zod query-string schemas: an optional id, dropped when malformed or out of range (parseId's rule). */
export const optionalIdParam = z.preprocess((v) => parseId(v) ?? undefined, z.number().optional()).catch(undefined);

/** For zod query-string schemas: a page number (parsePage's rule). */
export const pageParam = z.preprocess((v) => parsePage(v), z.number()).catch(1);

/**
 * Free text for searching, from a query string: the first value, NUL characters removed (PostgreSQL refuses them
 * in text: a 500 otherwise), trimmed, at most `max` characters.
 */
export function searchText(value: unknown, max = 200): string {
  const raw = Array.isArray(value) ? value[0] : value;
  return typeof raw === "string"
    ? raw
        .replace(/\u0000/g, "")
        .trim()
        .slice(0, max)
    : "";
}
