import { failWith, type Failure as SharedFailure, type Result as SharedResult } from "../shared/result";

/** Why the mailing-list services refuse (the web's catalog: ml.error.<code>); the shape is lib/domain/shared/result.ts. */
export type ListFailureCode = "forbidden" | "invalid" | "not_found" | "duplicate" | "not_opt_in" | "not_configured" | "mailman";
export type Failure = SharedFailure<ListFailureCode>;
export type Result<T extends object = object> = SharedResult<T, Failure>;
export const fail = failWith<ListFailureCode>();

export const forbidden = () => fail("forbidden", "You are not allowed to do this.");
