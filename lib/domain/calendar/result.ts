import { Abort, catchAbort as catchAnyAbort, failWith, type Failure, type Result } from "../shared/result";
import type { Conflict } from "./conflicts";

/** Why calendar services refuse (the web's catalog: cal.error.<code>); the shape is lib/domain/shared/result.ts. */
export type CalendarErrorCode =
  | "forbidden"
  | "validation"
  | "not_found"
  | "conflict"
  | "cancelled"
  | "already_registered"
  | "not_public"
  | "invalid_token"
  | "no_active_card"
  | "not_allowed_on_machine"
  | "machine_blocked";

/** For "conflict": the event (or booking) that already holds the room, resource or machine. */
export type CalendarFailure = Failure<CalendarErrorCode, { conflict?: Conflict }>;
export type CalendarResult<T extends object = object> = Result<T, CalendarFailure>;
export const fail = failWith<CalendarErrorCode, { conflict?: Conflict }>();

/** Thrown inside a transaction to roll it back; catchAbort answers its failure (lib/domain/shared/result.ts). */
export class CalendarAbort extends Abort<CalendarFailure> {}
export const catchAbort = <R>(work: () => Promise<R>) => catchAnyAbort<R, CalendarFailure>(work);
