export { actorMay as may } from "../people/result";

/** Expected failures of the mailing-list services: a code for the UI's catalog (ml.error.<code>) plus plain English. */
export type ListFailureCode = "forbidden" | "invalid" | "not_found" | "duplicate" | "not_opt_in" | "not_configured" | "mailman";
export type Failure = { ok: false; code: ListFailureCode; message: string; field?: string };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export function fail(code: ListFailureCode, message: string, field?: string): Failure {
  return { ok: false, code, message, ...(field ? { field } : {}) };
}

export const forbidden = () => fail("forbidden", "You are not allowed to do this.");

