import { failWith, type Failure as SharedFailure, type Result as SharedResult } from "../shared/result";

/** Why the token and service-identity services refuse (the web's catalog: api.error.<code>); the shape is lib/domain/shared/result.ts. */
export type ApiTokenFailureCode = "forbidden" | "invalid" | "not_found" | "scope_not_held" | "too_many" | "duplicate_name" | "disabled";
export type Failure = SharedFailure<ApiTokenFailureCode>;
export type Result<T extends object = object> = SharedResult<T, Failure>;
export const fail = failWith<ApiTokenFailureCode>();
