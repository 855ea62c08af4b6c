import { newToken } from "../shared/one-time-token";

/** Expected failures of the token and service-identity services: a code for the UI's catalog plus plain English. */
export type ApiTokenFailureCode = "forbidden" | "invalid" | "not_found" | "scope_not_held" | "too_many" | "duplicate_name" | "disabled";
export type Failure = { ok: false; code: ApiTokenFailureCode; message: string; field?: string };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export function fail(code: ApiTokenFailureCode, message: string, field?: string): Failure {
  return field ? { ok: false, code, message, field } : { ok: false, code, message };
}

/** Recognisable by secret scanners and in logs: "msk_" + 32 random bytes, URL-safe. */
export const TOKEN_PREFIX = "msk_";
export const newApiToken = () => `${TOKEN_PREFIX}${newToken()}`;
export { tokenHash as hashToken } from "../shared/one-time-token";
/** What lists show of a token: enough to tell several apart, far too little to guess the rest. */
export const visiblePrefix = (token: string) => token.slice(0, TOKEN_PREFIX.length + 6);
