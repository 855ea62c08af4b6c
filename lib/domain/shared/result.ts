/**
 * The one vocabulary of expected failures, for every area of lib/domain. A service answers `{ ok: true, … }` or a
 * Failure `{ ok: false, code, message, field? }`: the code from its area's list (the area's `result.ts` names only
 * its codes and extra fields), the message plain English for logs and the API. The web turns the code into the
 * reader's words in one place (lib/web/action-pipeline.ts: `<prefix>.<code>` from the catalog, beside `field`).
 * Bugs throw; they are not failures.
 */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "no extra fields" is the empty object type
type NoExtra = {};

/** A refusal: which rule (`code`), in plain English (`message`), about which input (`field`), plus an area's extras. */
export type Failure<C extends string = string, X extends object = NoExtra> = { ok: false; code: C; message: string; field?: string } & X;

/** What a service answers: success with its values, or one of its failures. */
export type Result<T extends object = object, F extends { ok: false } = Failure> = ({ ok: true } & T) | F;

type Extra<X extends object> = object & { field?: string } & Partial<X>;

/** A failure; extras left undefined stay out of it. */
export function fail<C extends string, X extends object = NoExtra>(code: C, message: string, extra?: Extra<X>): Failure<C, X> {
  const defined = Object.fromEntries(Object.entries(extra ?? {}).filter(([, value]) => value !== undefined));
  return { ok: false, code, message, ...defined } as Failure<C, X>;
}

/** An area's `fail`, its codes checked by the type: `export const fail = failWith<InventoryFailureCode>();`. */
export function failWith<C extends string, X extends object = NoExtra>() {
  return (code: C, message: string, extra?: Extra<X>): Failure<C, X> => fail<C, X>(code, message, extra);
}

/** Zod issues as one "invalid" failure naming the first bad field (its path), e.g. "name: Required". */
export function invalidFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Failure<"invalid"> {
  const issue = issues[0];
  const field = issue?.path.length ? issue.path.map(String).join(".") : undefined;
  return fail("invalid", `${field ?? "input"}: ${issue?.message ?? "invalid"}`, { field });
}

/** Zod issues as "field: problem; …", every one of them, so a refusal says which inputs were wrong. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "input"}: ${i.message}`).join("; ");
}

/** Thrown inside a transaction to roll it back with a failure; `catchAbort` turns it into the answer. */
export class Abort<F extends { ok: false; message: string } = Failure> extends Error {
  constructor(readonly failure: F) {
    super(failure.message);
  }
}

/**
 * Runs work (usually a transaction) and answers the failure an `Abort` carried out of it; other errors go on.
 * `F` names the failures the work may abort with (default: any Failure).
 */
export async function catchAbort<R, F extends { ok: false } = Failure>(work: () => Promise<R>): Promise<R | NoInfer<F>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Abort) return error.failure as F;
    throw error;
  }
}
