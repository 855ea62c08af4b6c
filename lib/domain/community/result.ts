import { failWith, type Failure as SharedFailure, type Result as SharedResult } from "../shared/result";

/** Why community services refuse (the web's catalog: com.error.<code>); the shape is lib/domain/shared/result.ts. */
export type CommunityFailureCode =
  "forbidden" | "invalid" | "not_found" | "not_eligible" | "not_open" | "already_voted" | "too_many_choices" | "unauthorized" | "duplicate_name";
export type Failure = SharedFailure<CommunityFailureCode>;
export type Result<T extends object = object> = SharedResult<T, Failure>;
export const fail = failWith<CommunityFailureCode>();
