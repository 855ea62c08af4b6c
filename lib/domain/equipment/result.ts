import type { Failure as SharedFailure, Result as SharedResult } from "../shared/result";

/**
 * Equipment and training services name their codes per function (`Result<T, "not_found" | …>`); the shape and
 * `fail` are lib/domain/shared/result.ts.
 */
export type Failure<C extends string> = SharedFailure<C>;
export type Result<T extends object, C extends string> = SharedResult<T, Failure<C>>;
export { fail } from "../shared/result";
