/**
 * What every server action answers: expected failures are values with a code, never thrown errors.
 * `values` hands harmless inputs (never passwords) back, because React resets a form after its action runs.
 */
export type ActionResult<Code extends string = string> =
  | { ok: true; message?: string }
  | { ok: false; code: Code; message: string; values?: Record<string, string> };
