import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
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
  usageSessions,
} from "@/lib/db/schema";
import { boardDecision, decideMachineUse, isAuthorizationCurrent, type BoardLevel } from "./decide-machine-use";
import { overduePlans } from "../usage/machine-hours";
import { personRoleCurrent } from "../access/role-periods";
import { spaceToday } from "../settings/space-today";

/** synccache replies go to firmware that asked for them, but a board's flash still holds only so many. */
export const SYNC_CACHE_MAX_CARDS = 250;

export interface AllowedCard {
  uid: string;
  level: BoardLevel;
  /** The holder's last use of a machine of this type (null: never). */
  lastUsedAt: Date | null;
}

/**
 * Most recently used first (the board's cache fills from the front and a reply holds only a few cards), then
 * higher levels, then by uid so the order is stable.
 */
export function byRecentUse(a: AllowedCard, b: AllowedCard): number {
  return (b.lastUsedAt?.getTime() ?? -Infinity) - (a.lastUsedAt?.getTime() ?? -Infinity) || b.level - a.level || a.uid.localeCompare(b.uid);
}

/**
 * Every active card the one rule lets onto this machine right now (as a board is told: boardDecision), with its
 * board level, most recently used first. Facts are read in bulk, then decided card by card with decideMachineUse.
 */
export async function allowedCardsOnMachine(db: Db, machineId: number, now = new Date()): Promise<AllowedCard[] | null> {
  const [machine] = await db
    .select({ m: machines, t: equipmentTypes })
    .from(machines)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
    .where(eq(machines.id, machineId));
  if (!machine) return null;
  const machineFacts = {
    blocked: machine.m.blocked,
    maintenanceOverdue: (await overduePlans(db, machineId, now)).length > 0,
    noAuthorizationNeeded: machine.t.noAuthorizationNeeded,
    expiresWithoutUseMonths: machine.t.expiresWithoutUseMonths,
  };
  if (machineFacts.blocked) return [];
  // People whose status forbids machines are refused whatever else holds; no need to read their facts.
  const holders = await db
    .select({ uid: cards.uid, personId: people.id, statusId: people.statusId })
    .from(cards)
    .innerJoin(people, eq(people.id, cards.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(and(eq(cards.state, "active"), eq(membershipStatuses.mayUseMachines, true)))
    .orderBy(asc(cards.uid));
  if (holders.length === 0) return [];
  const ids = [...new Set(holders.map((h) => h.personId))];
  const auths = await db
    .select()
    .from(equipmentAuthorizations)
    .where(and(eq(equipmentAuthorizations.equipmentTypeId, machine.t.id), inArray(equipmentAuthorizations.personId, ids)));
  const lastUse = await db
    .select({ personId: usageSessions.personId, at: sql<string>`max(coalesce(${usageSessions.endedAt}, ${usageSessions.lastHeartbeatAt}))` })
    .from(usageSessions)
    .innerJoin(machines, eq(machines.id, usageSessions.machineId))
    .where(and(eq(machines.equipmentTypeId, machine.t.id), inArray(usageSessions.personId, ids), isNull(usageSessions.flaggedReason)))
    .groupBy(usageSessions.personId);
  const admins = await administratorIds(db, ids, now);
  const lastUsed = new Map(lastUse.map((r) => [r.personId, new Date(r.at)]));

  const allowed: AllowedCard[] = [];
  for (const h of holders) {
    const lastUsedAt = lastUsed.get(h.personId) ?? null;
    const decision = boardDecision(
      decideMachineUse({
        now,
        card: { state: "active" },
        person: { mayUseMachines: true, isAdmin: admins.has(h.personId) },
        machine: machineFacts,
        authorizations: auths.filter((a) => a.personId === h.personId),
        lastUsedAt,
      }),
    );
    if (decision.allowed) allowed.push({ uid: h.uid, level: decision.level, lastUsedAt });
  }
  return allowed.sort(byRecentUse).slice(0, SYNC_CACHE_MAX_CARDS);
}

/** The bulk form of isAdministrator: system.admin through a role (own or status), or current system training. */
async function administratorIds(db: Db, personIds: number[], now: Date): Promise<Set<number>> {
  const adminRoles = db.select({ id: rolePermissions.roleId }).from(rolePermissions).where(eq(rolePermissions.permissionKey, "system.admin"));
  const today = await spaceToday(db, now);
  const [viaPerson, viaStatus, viaTraining] = await Promise.all([
    db
      .select({ personId: personRoles.personId })
      .from(personRoles)
      .where(and(inArray(personRoles.roleId, adminRoles), inArray(personRoles.personId, personIds), personRoleCurrent(today))),
    db
      .select({ personId: people.id })
      .from(people)
      .innerJoin(statusRoles, eq(statusRoles.statusId, people.statusId))
      .where(and(inArray(statusRoles.roleId, adminRoles), inArray(people.id, personIds))),
    db
      .select({ a: equipmentAuthorizations })
      .from(equipmentAuthorizations)
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
      .where(and(eq(equipmentTypes.purpose, "system"), isNull(equipmentAuthorizations.revokedAt), inArray(equipmentAuthorizations.personId, personIds))),
  ]);
  const ids = new Set([...viaPerson, ...viaStatus].map((r) => r.personId));
  for (const { a } of viaTraining) if (isAuthorizationCurrent(a, now)) ids.add(a.personId);
  return ids;
}
