/**
 * The one reader of PostgreSQL's refusals. postgres.js puts `code` and `constraint_name` on its error; drizzle wraps
 * that error in its own (as `cause`), so the chain is walked. Services turn a violation they expect into their own
 * failure code; the web's action pipeline maps the rest to a clear message instead of a crash.
 */
export type ViolationKind = "unique" | "foreign_key" | "check" | "not_null" | "exclusion";

export interface DatabaseViolation {
  kind: ViolationKind;
  /** The constraint, index or trigger-named constraint that refused ("" when the database named none). */
  constraint: string;
}

// SQLSTATE class 23 (integrity constraint violation). Our triggers raise 23514 naming their rule (drizzle/sql).
const KINDS: Record<string, ViolationKind> = { "23505": "unique", "23503": "foreign_key", "23514": "check", "23502": "not_null", "23P01": "exclusion" };

type PgLike = { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };

export function databaseViolation(error: unknown): DatabaseViolation | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const e = current as PgLike;
    const kind = typeof e.code === "string" ? KINDS[e.code] : undefined;
    if (kind) {
      const name = e.constraint_name ?? e.constraint;
      return { kind, constraint: typeof name === "string" ? name : "" };
    }
    current = e.cause;
  }
  return null;
}

/** The unique constraint or index that refused, or null when it was not a unique violation. */
export function uniqueViolation(error: unknown): string | null {
  const v = databaseViolation(error);
  return v?.kind === "unique" ? v.constraint : null;
}

/** The foreign key that refused (a row still referenced, or a reference to a missing row), or null. */
export function foreignKeyViolation(error: unknown): string | null {
  const v = databaseViolation(error);
  return v?.kind === "foreign_key" ? v.constraint : null;
}

export function checkViolation(error: unknown): string | null {
  const v = databaseViolation(error);
  return v?.kind === "check" ? v.constraint : null;
}

/** The named rule (constraint, index or trigger) behind any database refusal, or undefined. */
export function constraintOf(error: unknown): string | undefined {
  return databaseViolation(error)?.constraint || undefined;
}
