import type { Db } from "@/lib/db/client";
import { permissionsOfPerson } from "../access/person-permissions";

/** Expected failures of inventory services: a code for the UI's message catalog plus plain English. */
export type InventoryFailureCode =
  | "forbidden"
  | "invalid"
  | "not_found"
  | "location_cycle"
  | "location_not_empty"
  | "already_lent"
  | "not_lent"
  | "due_in_past"
  | "photo_too_large"
  | "photo_not_image";
export type Failure = { ok: false; code: InventoryFailureCode; message: string };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export function fail(code: InventoryFailureCode, message: string): Failure {
  return { ok: false, code, message };
}

/** Authorization inside the domain: every write asks this, never only the page that showed the form. */
export async function mayEditInventory(db: Db, actorId: number): Promise<boolean> {
  return (await permissionsOfPerson(db, actorId)).has("inventory.write");
}

export const FORBIDDEN = fail("forbidden", "You may not edit the inventory.");
