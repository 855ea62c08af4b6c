/** Expected failures: a code for the UI's message catalog plus plain English (same shape as the other services). */
export type Failure<C extends string> = { ok: false; code: C; message: string };
export type Result<T extends object, C extends string> = ({ ok: true } & T) | Failure<C>;

export function fail<C extends string>(code: C, message: string): Failure<C> {
  return { ok: false, code, message };
}

export { actorMay } from "../shared/actor-may";
