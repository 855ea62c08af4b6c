import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { cards, equipmentAuthorizations, equipmentTypes, machines, membershipStatuses, people, usageSessions } from "@/lib/db/schema";
import { planHours } from "../machines/plan-hours";
import type { MachineUseFacts } from "./decide-machine-use";
import { isAdministrator } from "./machine-use-facts";

/**
 * The facts decideMachineUse needs for one person's active card on every machine, read in bulk (a fixed number of
 * queries however many machines): the same facts loadMachineUseFacts reads for one card and one machine. With no
 * active card the person's card is null on every machine. In machine name order.
 */
export async function machineUseFactsOfPerson(
  db: Db,
  personId: number,
  now = new Date(),
): Promise<{ machine: { id: number; name: string }; facts: MachineUseFacts }[]> {
  const [[holder], machineRows, plans, authorizations, lastUse] = await Promise.all([
    db
      .select({ statusId: people.statusId, mayUseMachines: membershipStatuses.mayUseMachines })
      .from(cards)
      .innerJoin(people, eq(people.id, cards.personId))
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(and(eq(cards.personId, personId), eq(cards.state, "active")))
      .limit(1),
    db
      .select({
        id: machines.id,
        name: machines.name,
        blocked: machines.blocked,
        typeId: equipmentTypes.id,
        noAuthorizationNeeded: equipmentTypes.noAuthorizationNeeded,
        expiresWithoutUseMonths: equipmentTypes.expiresWithoutUseMonths,
      })
      .from(machines)
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
      .orderBy(asc(machines.name)),
    planHours(db, { now }),
    db.select().from(equipmentAuthorizations).where(eq(equipmentAuthorizations.personId, personId)),
    // lastUsedAt (usage/machine-hours.ts) for every equipment type at once.
    db
      .select({ typeId: machines.equipmentTypeId, at: sql<string | null>`max(coalesce(${usageSessions.endedAt}, ${usageSessions.lastHeartbeatAt}))` })
      .from(usageSessions)
      .innerJoin(machines, eq(machines.id, usageSessions.machineId))
      .where(and(eq(usageSessions.personId, personId), isNull(usageSessions.flaggedReason)))
      .groupBy(machines.equipmentTypeId),
  ]);
  const person = holder && { mayUseMachines: holder.mayUseMachines, isAdmin: await isAdministrator(db, personId, holder.statusId, now) };
  const overdue = new Set(plans.filter((p) => p.overdue).map((p) => p.machineId));
  const lastUsed = new Map(lastUse.map((r) => [r.typeId, r.at ? new Date(r.at) : null]));
  return machineRows.map((m) => ({
    machine: { id: m.id, name: m.name },
    facts: {
      now,
      card: person ? { state: "active" } : null,
      person: person ?? null,
      machine: {
        blocked: m.blocked,
        maintenanceOverdue: overdue.has(m.id),
        noAuthorizationNeeded: m.noAuthorizationNeeded,
        expiresWithoutUseMonths: m.expiresWithoutUseMonths,
      },
      authorizations: authorizations.filter((a) => a.equipmentTypeId === m.typeId),
      lastUsedAt: lastUsed.get(m.typeId) ?? null,
    },
  }));
}
