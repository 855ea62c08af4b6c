import type { ContainmentCode } from "../access/containment";

/** Why a people service refused. The web maps the code to a message (people.error.<code>) naming `field` or `row`. */
export type PeopleFailureCode =
  | "forbidden"
  | "not_found"
  | "invalid"
  | "duplicate_email"
  | "duplicate_name"
  | "date_range"
  | "main_address"
  | "needs_confirmation"
  | "invalid_token"
  | "card_uid"
  | "in_use"
  | "photo_too_large"
  | "locked"
  | ContainmentCode;

/** `count` says how many records stand in the way (e.g. people holding a status that cannot be deleted). */
export type Failure = { ok: false; code: PeopleFailureCode; message: string; field?: string; row?: number; count?: number };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export function fail(code: PeopleFailureCode, message: string, extra: { field?: string; row?: number; count?: number } = {}): Failure {
  return { ok: false, code, message, ...extra };
}

export const forbidden = (): Failure => fail("forbidden", "You are not allowed to do this.");
export const notFound = (what = "person"): Failure => fail("not_found", `No such ${what}.`);

/** Authorization inside the domain: the service asks, never the page that rendered the form. */
export { actorMay } from "../shared/actor-may";

/** Reads zod issues into one failure naming the first bad field. */
export function invalidFrom(issues: { path: PropertyKey[]; message: string }[]): Failure {
  const issue = issues[0];
  const field = issue ? issue.path.map(String).join(".") : undefined;
  return fail("invalid", `${field ?? "input"}: ${issue?.message ?? "invalid"}`, { field });
}
