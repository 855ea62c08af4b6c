import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  boardPairings,
  cards,
  equipmentAuthorizations,
  equipmentTypes,
  machines,
  maintenancePlans,
  membershipStatuses,
  people,
  personRoles,
  profiles,
  rolePermissions,
  statusRoles,
  usageSessions,
} from "@/lib/db/schema";
import type { AuthorizationFact } from "@/lib/domain/machine-access/decide-machine-use";
import { overduePlans } from "@/lib/domain/usage/machine-hours";
import { personRoleCurrent } from "@/lib/domain/access/role-periods";
import { spaceToday } from "@/lib/domain/settings/space-today";

export interface MachineSnap {
  id: number;
  boardId: number;
  name: string;
  blocked: boolean;
  autoLogoffMinutes: number;
  graceMinutes: number;
  boardKind: number;
  equipmentTypeId: number;
  noAuthorizationNeeded: boolean;
  expiresWithoutUseMonths: number | null;
  /** LCD texts of the overdue plans, most overdue first (as of the load; board-recorded maintenance clears it). */
  overdue: string[];
  /** Board login (argon2 hash) and pairing: the policy's fallback while the database is down. */
  boardUsername: string | null;
  boardPasswordHash: string | null;
  pairing: { identityKey: string; remoteAddress: string } | null;
  /** Epoch ms; `until` null: open until the first board is heard. */
  pairingWindow: { openedAt: number; until: number | null } | null;
}

export interface CardSnap {
  personId: number;
  state: "active" | "lost" | "revoked";
  issuedAt: number;
}

export interface PersonSnap {
  mayUseMachines: boolean;
  firstName: string;
}

/** Everything the board actions decide on, read in a handful of bulk queries. */
export interface SnapshotData {
  machinesByBoard: Map<number, MachineSnap>;
  machinesById: Map<number, MachineSnap>;
  /** Every card record per uid (an old lost card and a new active one may share a uid). */
  cards: Map<string, CardSnap[]>;
  people: Map<number, PersonSnap>;
  /** system.admin through a role (own or the status's). */
  adminsByRole: Set<number>;
  /** Unrevoked authorizations on "system" types: admin while one is current (checked at decision time). */
  systemAuths: Map<number, AuthorizationFact[]>;
  /** `${personId}:${equipmentTypeId}` → every authorization record. */
  auths: Map<string, AuthorizationFact[]>;
  /** `${personId}:${equipmentTypeId}` → last use of a machine of that type. */
  lastUse: Map<string, Date>;
}

export const personTypeKey = (personId: number, typeId: number) => `${personId}:${typeId}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadSnapshot(db: Db, now = new Date()): Promise<SnapshotData> {
  const adminRoles = db.select({ id: rolePermissions.roleId }).from(rolePermissions).where(eq(rolePermissions.permissionKey, "system.admin"));
  // One after another: on a database that is down the first failure ends the load, with no stray queries queued.
  const machineRows = await db
    .select({ m: machines, t: equipmentTypes, p: boardPairings })
    .from(machines)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
    .leftJoin(boardPairings, eq(boardPairings.machineId, machines.id))
    .orderBy(machines.id);
  const planMachines = await db.selectDistinct({ machineId: maintenancePlans.machineId }).from(maintenancePlans);
  const cardRows = await db.select({ uid: cards.uid, personId: cards.personId, state: cards.state, issuedAt: cards.issuedAt }).from(cards);
  const personRows = await db
    .select({ id: people.id, mayUseMachines: membershipStatuses.mayUseMachines, firstName: profiles.firstName })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id));
  const viaPerson = await db
    .select({ personId: personRoles.personId })
    .from(personRoles)
    .where(and(inArray(personRoles.roleId, adminRoles), personRoleCurrent(await spaceToday(db, now))));
  const viaStatus = await db
    .select({ personId: people.id })
    .from(people)
    .innerJoin(statusRoles, eq(statusRoles.statusId, people.statusId))
    .where(inArray(statusRoles.roleId, adminRoles));
  const authRows = await db.select().from(equipmentAuthorizations);
  const systemRows = await db
    .select({ a: equipmentAuthorizations })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .where(and(eq(equipmentTypes.purpose, "system"), isNull(equipmentAuthorizations.revokedAt)));
  const lastUseRows = await db
    .select({
      personId: usageSessions.personId,
      typeId: machines.equipmentTypeId,
      at: sql<string>`max(coalesce(${usageSessions.endedAt}, ${usageSessions.lastHeartbeatAt}))`,
    })
    .from(usageSessions)
    .innerJoin(machines, eq(machines.id, usageSessions.machineId))
    // A flagged session (a report that cannot be true) keeps no training alive.
    .where(isNull(usageSessions.flaggedReason))
    .groupBy(usageSessions.personId, machines.equipmentTypeId);

  const withPlans = new Set(planMachines.map((p) => p.machineId));
  const machinesByBoard = new Map<number, MachineSnap>();
  const machinesById = new Map<number, MachineSnap>();
  for (const { m, t, p } of machineRows) {
    // Only machines with plans cost a query; the rest cannot be overdue.
    const overdue = withPlans.has(m.id) ? (await overduePlans(db, m.id, now)).map((s) => s.plan.lcdText) : [];
    const snap: MachineSnap = {
      id: m.id,
      boardId: m.boardId ?? -1,
      name: m.name,
      blocked: m.blocked,
      autoLogoffMinutes: m.autoLogoffMinutes,
      graceMinutes: m.graceMinutes,
      boardKind: t.boardKind,
      equipmentTypeId: t.id,
      noAuthorizationNeeded: t.noAuthorizationNeeded,
      expiresWithoutUseMonths: t.expiresWithoutUseMonths,
      overdue,
      boardUsername: m.boardUsername,
      boardPasswordHash: m.boardPasswordHash,
      pairing: p?.identityKey && p.remoteAddress ? { identityKey: p.identityKey, remoteAddress: p.remoteAddress } : null,
      pairingWindow: p?.windowOpenedAt ? { openedAt: p.windowOpenedAt.getTime(), until: p.windowUntil?.getTime() ?? null } : null,
    };
    machinesById.set(m.id, snap);
    // Like the database path (limit 1 on board_id): the first machine with a board id wins.
    if (m.boardId !== null && !machinesByBoard.has(m.boardId)) machinesByBoard.set(m.boardId, snap);
  }
  const cardMap = new Map<string, CardSnap[]>();
  for (const c of cardRows) push(cardMap, c.uid, { personId: c.personId, state: c.state, issuedAt: c.issuedAt.getTime() });
  const peopleMap = new Map<number, PersonSnap>();
  for (const p of personRows) peopleMap.set(p.id, { mayUseMachines: p.mayUseMachines, firstName: p.firstName ?? "" });
  const auths = new Map<string, AuthorizationFact[]>();
  for (const a of authRows) push(auths, personTypeKey(a.personId, a.equipmentTypeId), a);
  const systemAuths = new Map<number, AuthorizationFact[]>();
  for (const { a } of systemRows) push(systemAuths, a.personId, a);
  const lastUse = new Map<string, Date>();
  for (const r of lastUseRows) if (r.personId !== null && r.at) lastUse.set(personTypeKey(r.personId, r.typeId), new Date(r.at));
  return {
    machinesByBoard,
    machinesById,
    cards: cardMap,
    people: peopleMap,
    adminsByRole: new Set([...viaPerson, ...viaStatus].map((r) => r.personId)),
    systemAuths,
    auths,
    lastUse,
  };
}
