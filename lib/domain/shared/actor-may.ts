import type { Db } from "@/lib/db/client";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";

/** "May the actor do X": authorization inside the domain — every service asks this, never only the page that showed the form. */
export async function actorMay(db: Db, actorId: number, permission: Permission): Promise<boolean> {
  return (await permissionsOfPerson(db, actorId)).has(permission);
}
