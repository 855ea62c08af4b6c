import { asc, eq, and, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, machinePresence, machines, people, profiles, usageSessions } from "@/lib/db/schema";
import { mayViewField, type Viewer, type VisibilitySettings } from "../people/visibility";
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
  /** Set when in use; the name only when the viewer may see it (see dashboardShownTo). */
  inUse: { since: string; personName: string | null } | null;
}

export interface DashboardData {
  now: string;
  tiles: MachineTile[];
  counts: Record<MachineState, number>;
}

/** Who is at a machine, with their visibility choice: kept on the server, never sent as it is. */
type MachineUser = VisibilitySettings & { name: string };

/** The dashboard as loaded: tiles without names, and the people at the machines by machine id for dashboardShownTo. */
export interface LoadedDashboard extends DashboardData {
  users: ReadonlyMap<number, MachineUser>;
}

/**
 * Every machine with its derived state; ISO strings so the tiles go to the browser unchanged. The tiles carry no
 * names: dashboardShownTo adds the ones a viewer may see.
 */
export async function loadDashboard(db: Db, now = new Date()): Promise<LoadedDashboard> {
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
        personId: usageSessions.personId,
        firstName: profiles.firstName,
        lastName: profiles.lastName,
        partnerPersonId: profiles.partnerPersonId,
        visibility: profiles.visibility,
        boardOnly: profiles.boardOnly,
        erasedAt: people.erasedAt,
      })
      .from(machines)
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
      .leftJoin(machinePresence, eq(machinePresence.machineId, machines.id))
      .leftJoin(usageSessions, and(eq(usageSessions.machineId, machines.id), isNull(usageSessions.endedAt)))
      .leftJoin(profiles, eq(profiles.personId, usageSessions.personId))
      .leftJoin(people, eq(people.id, usageSessions.personId))
      .orderBy(asc(machines.name), asc(machines.id))
      .prepare("dashboard_machines") // the start page and the dashboard ask on every request: one round trip, not two
      .execute(),
    planHours(db, { now }),
  ]);
  const overdue = new Map<number, string>();
  for (const p of plans.filter((p) => p.overdue).sort((a, b) => b.hoursSince / b.everyHours - a.hoursSince / a.everyHours)) {
    if (!overdue.has(p.machineId)) overdue.set(p.machineId, p.lcdText);
  }
  const users = new Map<number, MachineUser>();
  for (const r of rows) {
    const name = [r.firstName, r.lastName].filter(Boolean).join(" ");
    if (r.startedAt && r.personId !== null && r.visibility && !r.erasedAt && name) {
      users.set(r.id, { personId: r.personId, partnerPersonId: r.partnerPersonId, visibility: r.visibility, boardOnly: r.boardOnly ?? false, name });
    }
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
      inUse: r.startedAt ? { since: r.startedAt.toISOString(), personName: null } : null,
    };
  });
  return { now: now.toISOString(), tiles, counts: countByState(tiles.map((t) => t.state)), users };
}

/**
 * The dashboard as one viewer sees it: who is at a machine only when the viewer may see names on the dashboard at
 * all (dashboard-access.ts: showNames) and that person's visibility lets this viewer see their name. Builds a new
 * object without `users`, so nothing else of the loaded data reaches the browser.
 */
export function dashboardShownTo(data: LoadedDashboard, viewer: Viewer | null, showNames: boolean): DashboardData {
  const nameAt = (machineId: number): string | null => {
    const user = data.users.get(machineId);
    return user && viewer && showNames && mayViewField(viewer, user, "name") ? user.name : null;
  };
  const tiles = data.tiles.map((t) => (t.inUse ? { ...t, inUse: { ...t.inUse, personName: nameAt(t.id) } } : t));
  return { now: data.now, tiles, counts: data.counts };
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
