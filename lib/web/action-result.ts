/**
 * What every server action answers: expected failures are values with a code, never thrown errors.
 * `values` hands harmless inputs (never passwords) back, because React resets a form after its action runs; a success
 * may hand back what the form should keep (the machine just booked stays chosen).
 * `secret` carries a token or key just made, shown once (SecretOnceForm).
 * `fieldErrors` says, per field name, what is wrong with it in plain words; forms show it next to that field.
 * `data` is what the action hands its page beside the message, typed per action: an import's dry-run preview, with
 * or without refusal (a file with bad lines is refused, and its preview shows which).
 */
export type ActionResult<Data = unknown> =
  | { ok: true; message?: string; values?: Record<string, string>; secret?: string; data?: Data }
  | { ok: false; code: string; message: string; values?: Record<string, string>; fieldErrors?: Record<string, string>; data?: Data };

/** The field's own refusal, if the last answer had one. */
export function fieldError(result: ActionResult | null | undefined, name: string): string | undefined {
  return result && !result.ok ? result.fieldErrors?.[name] : undefined;
}
