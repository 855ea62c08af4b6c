import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, equipmentTypes, machines, maintenancePlans, usageSessions } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import { currentLevels } from "../equipment/authority";
import { isAuthorizationCurrent } from "../machine-access/decide-machine-use";

/**
 * Owners (level 2 on an equipment type: trainer-approved maintainers) run the machines of that type and nothing
 * else: block and unblock them, edit their maintenance plans, record maintenance, see their usage and bookings and
 * correct a session. Holders of the staff permissions do so for every machine. Owning grants no permission, so an
 * owner can hand nothing on (containment holds by construction).
 */
export async function ownsMachine(db: Db, personId: number, machineId: number, now = new Date()): Promise<boolean> {
  const [machine] = await db.select({ typeId: machines.equipmentTypeId }).from(machines).where(eq(machines.id, machineId));
  return machine ? (await currentLevels(db, personId, machine.typeId, now)).has("owner") : false;
}

/** May the actor run this machine: one of the staff permissions, or owning its type. */
export async function mayRunMachine(db: Db, actorId: number, machineId: number | null, staff: Permission[]): Promise<boolean> {
  const held = await permissionsOfPerson(db, actorId);
  if (staff.some((p) => held.has(p))) return true;
  return machineId !== null && (await ownsMachine(db, actorId, machineId));
}

export const machineOfPlan = async (db: Db, planId: number) =>
  (await db.select({ id: maintenancePlans.machineId }).from(maintenancePlans).where(eq(maintenancePlans.id, planId)))[0]?.id ?? null;
export const machineOfSession = async (db: Db, sessionId: number) =>
  (await db.select({ id: usageSessions.machineId }).from(usageSessions).where(eq(usageSessions.id, sessionId)))[0]?.id ?? null;

export interface MyMachine {
  id: number;
  name: string;
  typeName: string;
  blocked: boolean;
  blockedReason: string;
  /** Owner of its type (may run it) and/or trainer (trains people on it). */
  levels: ("owner" | "trainer")[];
}

/** The "my machines" page: machines of the types the person currently owns or trains on. */
export async function myMachines(db: Db, personId: number, now = new Date()): Promise<MyMachine[]> {
  const auths = await db
    .select()
    .from(equipmentAuthorizations)
    .where(
      and(
        eq(equipmentAuthorizations.personId, personId),
        inArray(equipmentAuthorizations.level, ["owner", "trainer"]),
        isNull(equipmentAuthorizations.revokedAt),
      ),
    );
  const levels = new Map<number, Set<"owner" | "trainer">>();
  for (const a of auths)
    if (isAuthorizationCurrent(a, now)) levels.set(a.equipmentTypeId, (levels.get(a.equipmentTypeId) ?? new Set()).add(a.level as "owner" | "trainer"));
  if (levels.size === 0) return [];
  const rows = await db
    .select({
      id: machines.id,
      name: machines.name,
      typeId: machines.equipmentTypeId,
      typeName: equipmentTypes.name,
      blocked: machines.blocked,
      blockedReason: machines.blockedReason,
    })
    .from(machines)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
    .where(inArray(machines.equipmentTypeId, [...levels.keys()]))
    .orderBy(asc(equipmentTypes.name), asc(machines.name));
  return rows.map(({ typeId, ...r }) => ({ ...r, levels: [...levels.get(typeId)!].sort() }));
}
