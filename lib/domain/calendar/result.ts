import type { Conflict } from "./conflicts";

/** Expected failures of calendar services: a code for the UI's message catalog plus plain English. */
export type CalendarFailure = {
  ok: false;
  code: CalendarErrorCode;
  message: string;
  /** Set for "conflict": the event (or booking) that already holds the room, resource or machine. */
  conflict?: Conflict;
};

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

export type CalendarResult<T extends object = object> = ({ ok: true } & T) | CalendarFailure;

export function fail(code: CalendarErrorCode, message: string, extra: Partial<CalendarFailure> = {}): CalendarFailure {
  return { ok: false, code, message, ...extra };
}

/** Thrown inside a transaction to roll it back; turned into a CalendarFailure by the caller. */
export class CalendarAbort extends Error {
  constructor(readonly failure: CalendarFailure) {
    super(failure.message);
  }
}

export async function catchAbort<T extends object>(work: () => Promise<CalendarResult<T>>): Promise<CalendarResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CalendarAbort) return error.failure;
    throw error;
  }
}
