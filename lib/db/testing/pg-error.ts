/** The PostgreSQL error of a failed statement (drizzle wraps the driver's error in `cause`). */
export function pgErrorOf(error: unknown): { code?: string; constraint_name?: string; message?: string } {
  const e = error as { cause?: unknown; code?: string };
  return (e?.cause ?? e) as { code?: string; constraint_name?: string; message?: string };
}

/** Runs a statement the database must refuse; answers the refusal (its code and constraint) to assert on. */
export async function expectPgError(run: () => Promise<unknown>): Promise<{ code?: string; constraint_name?: string; message?: string }> {
  try {
    await run();
  } catch (error) {
    return pgErrorOf(error);
  }
  throw new Error("expected the database to refuse this");
}
