import { asc, eq, and, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, machinePresence, machines, profiles, usageSessions } from "@/lib/db/schema";
import { ONLINE_WITHIN_MS } from "../usage/record-board-alive";
import { countByState, deriveMachineState, type MachineState } from "./machine-state";
import { planHours } from "./plan-hours";

export interface MachineTile {
  id: number;
  name: string;
  location: string;
  typeName: string;
  state: MachineState;
  blockedReason: string;
  /** LCD text of the first overdue plan, or "". */
  maintenanceText: string;
  lastHeardAt: string | null;
  /** Set when in use; the name only when the viewer may see it (see withoutNames). */
  inUse: { since: string; personName: string | null } | null;
}

export interface DashboardData {
  now: string;
  tiles: MachineTile[];
  counts: Record<MachineState, number>;
}

/** Every machine with its derived state; ISO strings so the result goes to the browser unchanged. */
export async function loadDashboard(db: Db, now = new Date()): Promise<DashboardData> {
  const [rows, plans] = await Promise.all([
    db
      .select({
        id: machines.id,
        name: machines.name,
        location: machines.location,
        typeName: equipmentTypes.name,
        blocked: machines.blocked,
        blockedReason: machines.blockedReason,
        lastHeardAt: machinePresence.lastHeardAt,
        startedAt: usageSessions.startedAt,
        firstName: profiles.firstName,
        lastName: profiles.lastName,
      })
      .from(machines)
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
      .leftJoin(machinePresence, eq(machinePresence.machineId, machines.id))
      .leftJoin(usageSessions, and(eq(usageSessions.machineId, machines.id), isNull(usageSessions.endedAt)))
      .leftJoin(profiles, eq(profiles.personId, usageSessions.personId))
      .orderBy(asc(machines.name), asc(machines.id)),
    planHours(db, { now }),
  ]);
  const overdue = new Map<number, string>();
  for (const p of plans.filter((p) => p.overdue).sort((a, b) => b.hoursSince / b.everyHours - a.hoursSince / a.everyHours)) {
    if (!overdue.has(p.machineId)) overdue.set(p.machineId, p.lcdText);
  }
  const tiles = rows.map((r): MachineTile => {
    const state = deriveMachineState({ inUse: r.startedAt !== null, blocked: r.blocked, maintenanceDue: overdue.has(r.id), lastHeardAt: r.lastHeardAt, now });
    return {
      id: r.id,
      name: r.name,
      location: r.location,
      typeName: r.typeName,
      state,
      blockedReason: r.blocked ? r.blockedReason : "",
      maintenanceText: overdue.get(r.id) ?? "",
      lastHeardAt: r.lastHeardAt?.toISOString() ?? null,
      inUse: r.startedAt ? { since: r.startedAt.toISOString(), personName: [r.firstName, r.lastName].filter(Boolean).join(" ") || null } : null,
    };
  });
  return { now: now.toISOString(), tiles, counts: countByState(tiles.map((t) => t.state)) };
}

/** For viewers without members.read or machines.operate: who is at a machine stays hidden. */
export function withoutNames(data: DashboardData): DashboardData {
  return { ...data, tiles: data.tiles.map((t) => (t.inUse ? { ...t, inUse: { ...t.inUse, personName: null } } : t)) };
}

/**
 * A cheap fingerprint of everything the tiles depend on (index-only lookups), polled every second by the event
 * stream: the tiles are rebuilt only when it changes. The online set depends on `now`, so a board going silent
 * changes it too.
 */
export async function dashboardMarker(db: Db, now = new Date()): Promise<string> {
  const onlineSince = new Date(now.getTime() - ONLINE_WITHIN_MS).toISOString();
  const [row] = await db.execute<{ marker: string }>(sql`select concat_ws('|',
    (select max(updated_at)::text || count(*) from machines),
    (select string_agg(id::text || ':' || person_id, ',' order by id) from usage_sessions where ended_at is null),
    (select max(id) from usage_sessions),
    (select string_agg(machine_id::text, ',' order by machine_id) from machine_presence where last_heard_at >= ${onlineSince}::timestamptz),
    (select max(id) from interventions),
    (select string_agg(id::text || ':' || every_hours || ':' || lcd_text, ',' order by id) from maintenance_plans)
  ) as marker`);
  return row?.marker ?? "";
}
