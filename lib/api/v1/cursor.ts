import { createHash } from "node:crypto";
import type { KeyValue } from "@/lib/db/keyset";
import { param } from "./params";
import { ApiProblem } from "./problem";

/**
 * Opaque cursors: the last row's sort key, bound to the query it came from (operation, filters, order), so a
 * cursor reused with other filters is refused instead of silently skipping rows. Clients only pass them back.
 */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export const pageParams = {
  cursor: param.string({
    maxLength: 1000,
    description: "Where the page starts: the `nextCursor` of the previous page. Opaque; only valid with the same filters.",
  }),
  limit: param.integer({ min: 1, max: MAX_LIMIT, description: `Rows per page, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}).` }),
};

/** What a cursor is bound to: the operation and every query parameter except the paging ones. */
export function querySignature(operationId: string, query: URLSearchParams): string {
  const parts = [...query.entries()].filter(([k]) => k !== "cursor" && k !== "limit").sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256")
    .update(JSON.stringify([operationId, parts]))
    .digest("base64url")
    .slice(0, 16);
}

export function encodeCursor(signature: string, key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify({ s: signature, k: key })).toString("base64url");
}

const isKeyValue = (v: unknown): v is KeyValue => v === null || ["string", "number", "boolean"].includes(typeof v);

/** The sort key a cursor holds; a cursor that is malformed or from another query is a 400. */
export function decodeCursor(cursor: string | undefined, signature: string, keyLength: number): KeyValue[] | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const p = parsed as { s?: unknown; k?: unknown } | null;
  const bad = (message: string) => new ApiProblem("invalid_request", message, { errors: [{ name: "cursor", in: "query", message }] });
  if (!p || !Array.isArray(p.k) || p.k.length !== keyLength || !p.k.every(isKeyValue)) throw bad("not a cursor of this list");
  if (p.s !== signature) throw bad("this cursor belongs to a query with other filters or order");
  return p.k;
}
