
/** Expected failures of the client admin services: a code for the UI's catalog plus plain English. */
export type OidcFailureCode = "forbidden" | "invalid" | "not_found" | "exceeds_own_permissions";
export type OidcFailure = { ok: false; code: OidcFailureCode; message: string; field?: string };
export type OidcResult<T extends object = object> = ({ ok: true } & T) | OidcFailure;

export function fail(code: OidcFailureCode, message: string, field?: string): OidcFailure {
  return field ? { ok: false, code, message, field } : { ok: false, code, message };
}

/** Client secrets, codes and tokens: the space's one-time tokens (32 random bytes, stored as their SHA-256). */
export { newToken as randomSecret, tokenHash as sha256, tokenMatches as secretMatches } from "../shared/one-time-token";
