import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, equipmentTypes } from "@/lib/db/schema";
import { isAuthorizationCurrent } from "../machine-access/decide-machine-use";

/**
 * Being trained on the type that stands for the system makes a database administrator: the board treats it as
 * level 3 (machine-access/machine-use-facts) and the web app gives it the admin role's permissions (person-permissions).
 */
export async function hasCurrentSystemAuthorization(db: Db, personId: number, now = new Date()): Promise<boolean> {
  const rows = await db
    .select({ a: equipmentAuthorizations })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .where(and(eq(equipmentAuthorizations.personId, personId), eq(equipmentTypes.purpose, "system"), isNull(equipmentAuthorizations.revokedAt)))
    .prepare("system_authorization") // every signed-in request asks: one round trip, not two
    .execute();
  return rows.some(({ a }) => isAuthorizationCurrent(a, now));
}
