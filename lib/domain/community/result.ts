
/** Expected failures of community services: a code for the UI's message catalog plus plain English. */
export type CommunityFailureCode =
  | "forbidden"
  | "invalid"
  | "not_found"
  | "not_eligible"
  | "not_open"
  | "already_voted"
  | "too_many_choices"
  | "unauthorized"
  | "duplicate_name";
export type Failure = { ok: false; code: CommunityFailureCode; message: string };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export function fail(code: CommunityFailureCode, message: string): Failure {
  return { ok: false, code, message };
}

export { actorMay as hasPermission } from "../shared/actor-may";
export { tokenHash as sha256, newToken as newSecret } from "../shared/one-time-token";

/** 32 random bytes, URL-safe: sensor tokens and vote receipts. */

/** Zod issues as "field: problem; …" so a refusal says which input was wrong. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "input"}: ${i.message}`).join("; ");
}
