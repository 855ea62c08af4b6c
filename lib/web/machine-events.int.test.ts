import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { dashboardShownTo, type LoadedDashboard as DashboardData } from "@/lib/domain/machines/dashboard";
import { recordUsageStart, recordUsageStop } from "@/lib/domain/usage/record-usage";
import { MachineEventsHub } from "./machine-events";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t.close());

/** Resolves with the first pushed state that satisfies `test`. */
function waitFor(states: DashboardData[], listeners: ((d: DashboardData) => void)[], test: (d: DashboardData) => boolean): Promise<DashboardData> {
  const hit = states.find(test);
  if (hit) return Promise.resolve(hit);
  return new Promise((resolve) => listeners.push((d) => test(d) && resolve(d)));
}

describe("MachineEventsHub", () => {
  it("sends the full state on subscribe, then each change; stops polling when the last listener leaves", async () => {
    const hub = new MachineEventsHub(t.db, 20);
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const states: DashboardData[] = [];
    const waiters: ((d: DashboardData) => void)[] = [];
    const unsubscribe = await hub.subscribe((d) => {
      states.push(d);
      for (const w of waiters) w(d);
    });
    expect(states[0]!.tiles.map((x) => x.name)).toContain("LASER 1");
    const stateOf = (d: DashboardData) => d.tiles.find((x) => x.id === laser!.id)!.state;

    await recordUsageStart(t.db, { machineId: laser!.id, uid: "efbeadde", replay: false, receivedAt: new Date() });
    const inUse = await waitFor(states, waiters, (d) => stateOf(d) === "in_use");
    expect(
      dashboardShownTo(inUse, { personId: null, permissions: new Set(["members.read"]) }, true).tiles.find((x) => x.id === laser!.id)!.inUse?.personName,
    ).toBe("Mario Rossi");
    await recordUsageStop(t.db, { machineId: laser!.id, uid: "efbeadde", duration: 1, replay: false, receivedAt: new Date() });
    await waitFor(states.slice(states.indexOf(inUse) + 1), waiters, (d) => stateOf(d) !== "in_use");

    expect(hub.listenerCount).toBe(1);
    unsubscribe();
    expect(hub.listenerCount).toBe(0);
  });
});
