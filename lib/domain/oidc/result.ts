import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Expected failures of the client admin services: a code for the UI's catalog plus plain English. */
export type OidcFailureCode = "forbidden" | "invalid" | "not_found" | "exceeds_own_permissions";
export type OidcFailure = { ok: false; code: OidcFailureCode; message: string; field?: string };
export type OidcResult<T extends object = object> = ({ ok: true } & T) | OidcFailure;

export function fail(code: OidcFailureCode, message: string, field?: string): OidcFailure {
  return field ? { ok: false, code, message, field } : { ok: false, code, message };
}

/** 32 random bytes, URL-safe: client secrets, codes and tokens. */
export const randomSecret = () => randomBytes(32).toString("base64url");
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Compares a presented secret with a stored SHA-256 without leaking where they differ. */
export function secretMatches(presented: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(sha256(presented), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
