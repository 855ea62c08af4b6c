/** What every server action answers: expected failures are values with a code, never thrown errors. */
export type ActionResult<Code extends string = string> = { ok: true; message?: string } | { ok: false; code: Code; message: string };
