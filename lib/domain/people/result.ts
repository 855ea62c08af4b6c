import type { ContainmentCode } from "../access/containment";
import { failWith, type Failure as SharedFailure, type Result as SharedResult } from "../shared/result";

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
  | "unknown_study_field"
  | "exceeds_own_view_rights"
  | ContainmentCode;

/** `row`: the import row; `count`: how many records stand in the way (e.g. people holding a status that cannot be deleted). */
type PeopleExtra = { row?: number; count?: number };
export type Failure = SharedFailure<PeopleFailureCode, PeopleExtra>;
export type Result<T extends object = object> = SharedResult<T, Failure>;
export const fail = failWith<PeopleFailureCode, PeopleExtra>();

export const forbidden = (): Failure => fail("forbidden", "You are not allowed to do this.");
export const notFound = (what = "person"): Failure => fail("not_found", `No such ${what}.`);
