import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Keyset ("seek") pagination: a page starts strictly after the last row of the previous one in the list's order,
 * so rows inserted or removed meanwhile neither repeat nor vanish, and deep pages cost what the first one does.
 * The last key must be unique (an id). Nullable keys sort last in both directions, as the lists do.
 */
export interface SortKey {
  expr: SQL | AnyColumn;
  dir: "asc" | "desc";
  nullable?: boolean;
}

export type KeyValue = string | number | boolean | null;

export function keysetOrder(keys: SortKey[]): SQL[] {
  return keys.map((k) =>
    k.nullable ? sql`${k.expr} ${k.dir === "desc" ? sql`desc` : sql`asc`} nulls last` : sql`${k.expr} ${k.dir === "desc" ? sql`desc` : sql`asc`}`,
  );
}

/** "Comes after (values) in this order", expanded so that NULLS LAST holds: nothing non-null follows a null. */
export function keysetAfter(keys: SortKey[], values: readonly KeyValue[]): SQL {
  if (keys.length === 0 || keys.length !== values.length) throw new Error("keysetAfter: one value per key");
  const [key, ...rest] = keys;
  const [value, ...restValues] = values;
  const beyond = key!.dir === "desc" ? sql`${key!.expr} < ${value}` : sql`${key!.expr} > ${value}`;
  if (rest.length === 0) return value === null ? sql`false` : beyond;
  const tail = keysetAfter(rest, restValues);
  if (value === null) return sql`(${key!.expr} is null and ${tail})`;
  const laterNulls = key!.nullable ? sql` or ${key!.expr} is null` : sql``;
  return sql`(${beyond}${laterNulls} or (${key!.expr} = ${value} and ${tail}))`;
}
