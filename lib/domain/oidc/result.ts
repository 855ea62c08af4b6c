import { failWith, type Failure, type Result } from "../shared/result";

/** Why the client admin services refuse (the web's catalog: sso.error.<code>); the shape is lib/domain/shared/result.ts. */
export type OidcFailureCode = "forbidden" | "invalid" | "not_found" | "exceeds_own_permissions";
export type OidcFailure = Failure<OidcFailureCode>;
export type OidcResult<T extends object = object> = Result<T, OidcFailure>;
export const fail = failWith<OidcFailureCode>();
