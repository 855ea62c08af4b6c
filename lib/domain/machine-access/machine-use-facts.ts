import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  cards,
  equipmentAuthorizations,
  equipmentTypes,
  machines,
  membershipStatuses,
  people,
  personRoles,
  rolePermissions,
  statusRoles,
} from "@/lib/db/schema";
import { personRoleCurrent } from "../access/role-periods";
import { normalizeCardUid } from "../cards/uid";
import { spaceToday } from "../settings/space-today";
import { lastUsedAt, overduePlans } from "../usage/machine-hours";
import { decideMachineUse, isAuthorizationCurrent, type MachineUseDecision, type MachineUseFacts } from "./decide-machine-use";

/**
 * An administrator (board level 3) holds `system.admin` through a role, or is trained on the equipment type
 * that stands for the system — the same train-and-record path as any machine.
 */
export async function isAdministrator(db: Db, personId: number, statusId: number, now: Date): Promise<boolean> {
  const today = await spaceToday(db, now);
  const viaRole = await db
    .select({ key: rolePermissions.permissionKey })
    .from(rolePermissions)
    .where(
      and(
        eq(rolePermissions.permissionKey, "system.admin"),
        inArray(
          rolePermissions.roleId,
          db
            .select({ id: personRoles.roleId })
            .from(personRoles)
            .where(and(eq(personRoles.personId, personId), personRoleCurrent(today)))
            .union(db.select({ id: statusRoles.roleId }).from(statusRoles).where(eq(statusRoles.statusId, statusId))),
        ),
      ),
    )
    .limit(1);
  if (viaRole.length) return true;
  const viaTraining = await db
    .select({ a: equipmentAuthorizations })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .where(and(eq(equipmentAuthorizations.personId, personId), eq(equipmentTypes.purpose, "system"), isNull(equipmentAuthorizations.revokedAt)));
  return viaTraining.some(({ a }) => isAuthorizationCurrent(a, now));
}

/** Reads what decideMachineUse needs for a card on a machine; null when the machine is unknown. */
export async function loadMachineUseFacts(db: Db, input: { uid: string; machineId: number; now?: Date }): Promise<MachineUseFacts | null> {
  const now = input.now ?? new Date();
  const [machine] = await db
    .select({ m: machines, t: equipmentTypes })
    .from(machines)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
    .where(eq(machines.id, input.machineId));
  if (!machine) return null;
  const machineFacts = {
    blocked: machine.m.blocked,
    maintenanceOverdue: (await overduePlans(db, machine.m.id, now)).length > 0,
    noAuthorizationNeeded: machine.t.noAuthorizationNeeded,
    expiresWithoutUseMonths: machine.t.expiresWithoutUseMonths,
  };
  const uid = normalizeCardUid(input.uid);
  const [holder] = uid
    ? await db
        .select({ card: cards, person: people, status: membershipStatuses })
        .from(cards)
        .innerJoin(people, eq(people.id, cards.personId))
        .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
        .where(eq(cards.uid, uid))
        .orderBy(cards.state) // 'active' sorts first: an active card wins over an old lost one
        .limit(1)
    : [];
  if (!holder) return { now, card: null, person: null, machine: machineFacts, authorizations: [], lastUsedAt: null };
  const authorizations = await db
    .select()
    .from(equipmentAuthorizations)
    .where(and(eq(equipmentAuthorizations.personId, holder.person.id), eq(equipmentAuthorizations.equipmentTypeId, machine.t.id)));
  return {
    now,
    card: { state: holder.card.state },
    person: {
      mayUseMachines: holder.status.mayUseMachines,
      isAdmin: await isAdministrator(db, holder.person.id, holder.person.statusId, now),
    },
    machine: machineFacts,
    authorizations,
    lastUsedAt: await lastUsedAt(db, holder.person.id, machine.t.id),
  };
}

export async function decideCardOnMachine(db: Db, input: { uid: string; machineId: number; now?: Date }): Promise<MachineUseDecision | null> {
  const facts = await loadMachineUseFacts(db, input);
  return facts ? decideMachineUse(facts) : null;
}
