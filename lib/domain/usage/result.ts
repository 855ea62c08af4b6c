import type { Db } from "@/lib/db/client";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";

/** Expected failures: a code for the UI's message catalog plus plain English (same shape as the other services). */
export type Failure<C extends string> = { ok: false; code: C; message: string };
export type Result<T extends object, C extends string> = ({ ok: true } & T) | Failure<C>;

export function fail<C extends string>(code: C, message: string): Failure<C> {
  return { ok: false, code, message };
}

export async function actorMay(db: Db, actorId: number, permission: Permission): Promise<boolean> {
  return (await permissionsOfPerson(db, actorId)).has(permission);
}
