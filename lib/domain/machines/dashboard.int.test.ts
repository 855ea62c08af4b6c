import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interventions, machinePresence, machines, maintenancePlans, profiles, usageSessions } from "@/lib/db/schema";
import type { Permission } from "../access/permissions";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { maintenanceStatus } from "../usage/machine-hours";
import { recordUsageStart, recordUsageStop } from "../usage/record-usage";
import { dashboardMarker, dashboardShownTo, loadDashboard } from "./dashboard";
import { planHours } from "./plan-hours";

let t: DemoDatabase;
let typeId: number;
beforeAll(async () => {
  t = await createDemoDatabase();
  typeId = (await t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.equipmentTypeId;
});
afterAll(() => t.close());

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
let board = 700;
async function machine(name: string, over: Partial<typeof machines.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(machines)
    .values({ name, boardId: board++, equipmentTypeId: typeId, ...over })
    .returning();
  return row!.id;
}
const heard = (machineId: number, lastHeardAt: Date) =>
  t.db.insert(machinePresence).values({ machineId, lastHeardAt }).onConflictDoUpdate({ target: machinePresence.machineId, set: { lastHeardAt } });
const BOARD = { personId: 9_999, permissions: new Set<Permission>(["members.read"]) };
const tileOf = async (id: number, now: Date) => dashboardShownTo(await loadDashboard(t.db, now), BOARD, true).tiles.find((x) => x.id === id)!;

describe("dashboard state derivation from the database", () => {
  it("free, offline, blocked, maintenance due and in use, with counts", async () => {
    const free = await machine("Z free");
    const silent = await machine("Z silent");
    const blocked = await machine("Z blocked", { blocked: true, blockedReason: "Broken lens" });
    const due = await machine("Z due");
    const used = await machine("Z used", { blocked: true });
    const now = at(10_000);
    for (const id of [free, blocked, due, used]) await heard(id, at(9_990));
    await heard(silent, at(10_000 - 91));
    await t.db.insert(maintenancePlans).values({ machineId: due, everyHours: 1, lcdText: "Clean mirrors", createdAt: T0 });
    await recordUsageStart(t.db, { machineId: due, uid: "efbeadde", replay: false, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: due, uid: "efbeadde", duration: 3600, replay: false, receivedAt: at(3600) });
    await recordUsageStart(t.db, { machineId: used, uid: "efbeadde", replay: false, receivedAt: at(9_000) });

    expect((await tileOf(free, now)).state).toBe("free");
    expect((await tileOf(silent, now)).state).toBe("offline");
    expect(await tileOf(blocked, now)).toMatchObject({ state: "blocked", blockedReason: "Broken lens" });
    expect(await tileOf(due, now)).toMatchObject({ state: "maintenance_due", maintenanceText: "Clean mirrors" });
    const inUse = await tileOf(used, now);
    expect(inUse).toMatchObject({ state: "in_use", inUse: { since: at(9_000).toISOString(), personName: "Mario Rossi" } });
    const data = await loadDashboard(t.db, now);
    expect(data.counts.in_use).toBe(1);
    expect(data.counts.blocked).toBe(1);
    expect(data.counts.maintenance_due).toBe(1);
    expect(dashboardShownTo(data, null, false).tiles.find((x) => x.id === used)!.inUse).toEqual({ since: at(9_000).toISOString(), personName: null });
    // The loaded data carries no name in its tiles: only dashboardShownTo adds one.
    expect(data.tiles.find((x) => x.id === used)!.inUse!.personName).toBeNull();
  });

  it("the name at a machine follows that person's visibility for the viewer (an operator is not the board)", async () => {
    const m = await machine("Z visibility");
    const now = at(20_000);
    await heard(m, at(19_990));
    await recordUsageStart(t.db, { machineId: m, uid: "efbeadde", replay: false, receivedAt: at(19_000) });
    const [session] = await t.db.select({ personId: usageSessions.personId }).from(usageSessions).where(eq(usageSessions.machineId, m));
    const mario = { personId: session!.personId! };
    const operator = { personId: 9_998, permissions: new Set<Permission>(["directory.read", "machines.operate"]) };
    const shownTo = async (viewer: typeof operator | null, showNames: boolean) => {
      const data = dashboardShownTo(await loadDashboard(t.db, now), viewer, showNames);
      expect(JSON.stringify(data)).not.toContain("boardOnly"); // nothing of the loaded settings goes out
      return data.tiles.find((x) => x.id === m)!.inUse!.personName;
    };
    const marioShows = (visibility: Record<string, string>, boardOnly = false) =>
      t.db.update(profiles).set({ visibility, boardOnly }).where(eq(profiles.personId, mario.personId));
    try {
      expect(await shownTo(operator, true)).toBe("Mario Rossi"); // default: members see the name
      await marioShows({ name: "board" });
      expect(await shownTo(operator, true)).toBeNull();
      expect(await shownTo(BOARD, true)).toBe("Mario Rossi");
      expect(await shownTo({ personId: mario.personId, permissions: new Set() }, true)).toBe("Mario Rossi"); // himself
      await marioShows({ name: "public" }, true); // "only the board" wins over public
      expect(await shownTo(operator, true)).toBeNull();
      await marioShows({ name: "public" });
      expect(await shownTo(operator, true)).toBe("Mario Rossi");
      expect(await shownTo(null, false)).toBeNull(); // a visitor on the public dashboard never sees names
    } finally {
      await marioShows({});
      await recordUsageStop(t.db, { machineId: m, uid: "efbeadde", duration: 60, replay: false, receivedAt: at(19_060) });
    }
  });

  it("plan hours agree with the broker's maintenanceStatus, also for a session straddling an intervention", async () => {
    const m = await machine("Z plans");
    const [plan] = await t.db.insert(maintenancePlans).values({ machineId: m, everyHours: 2, lcdText: "Oil", createdAt: T0 }).returning();
    await recordUsageStart(t.db, { machineId: m, uid: "efbeadde", replay: false, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: m, uid: "efbeadde", duration: 7200, replay: false, receivedAt: at(7200) });
    await t.db.insert(interventions).values({ planId: plan!.id, machineId: m, doneAt: at(3600), source: "manual" });
    await recordUsageStart(t.db, { machineId: m, uid: "efbeadde", replay: false, receivedAt: at(10_000) });
    const now = at(11_800);
    const [mine] = await planHours(t.db, { machineId: m, now });
    const [theirs] = await maintenanceStatus(t.db, m, now);
    expect(mine!.hoursSince).toBeCloseTo(theirs!.hoursSince, 6);
    expect(mine!.hoursSince).toBeCloseTo(1.5, 6);
    expect(mine!.overdue).toBe(false);
  });

  it("the change marker moves with a start, a stop, a block and a board going silent", async () => {
    const m = await machine("Z marker");
    await heard(m, at(20_000));
    const before = await dashboardMarker(t.db, at(20_010));
    await recordUsageStart(t.db, { machineId: m, uid: "efbeadde", replay: false, receivedAt: at(20_010) });
    const started = await dashboardMarker(t.db, at(20_010));
    expect(started).not.toBe(before);
    await recordUsageStop(t.db, { machineId: m, uid: "efbeadde", duration: 5, replay: false, receivedAt: at(20_015) });
    const stopped = await dashboardMarker(t.db, at(20_015));
    expect(stopped).not.toBe(started);
    expect(await dashboardMarker(t.db, at(20_015))).toBe(stopped);
    await t.db
      .update(machines)
      .set({ blocked: true, updatedAt: at(20_016) })
      .where(eq(machines.id, m));
    const blockedMarker = await dashboardMarker(t.db, at(20_016));
    expect(blockedMarker).not.toBe(stopped);
    expect(await dashboardMarker(t.db, at(20_000 + 91_000 / 1000 + 1))).not.toBe(blockedMarker);
    expect((await t.db.select().from(usageSessions).where(eq(usageSessions.machineId, m))).length).toBe(1);
  });
});
