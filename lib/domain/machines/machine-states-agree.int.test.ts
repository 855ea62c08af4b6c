import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machinePresence, machines } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { buildSpaceApi } from "../community/spaceapi";
import { settingsFromEnv } from "../settings/space-settings";
import { recordUsageStart } from "../usage/record-usage";
import { loadDashboard } from "./dashboard";
import { MACHINE_STATES } from "./machine-state";

// The start page's machines widget, the dashboard (/machines and its event stream), the API and SpaceAPI all read
// loadDashboard; this pins what they read: one state per machine and counts that add up to the same machines.
let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t.close());

const settings = settingsFromEnv({ SPACE_NAME: "Test", SPACE_TIME_ZONE: "Europe/Vienna", DEFAULT_LANGUAGE: "en", MAIL_FROM: "a@b.c", SMTP_URL: undefined });
const sensorOf = (counts: Parameters<typeof buildSpaceApi>[0]["machines"]) =>
  (
    buildSpaceApi({ settings, baseUrl: "http://localhost:3000", status: null, machines: counts }).sensors as
      { ext_machines: { name: string; value: number }[] } | undefined
  )?.ext_machines;

describe("machine states agree everywhere", () => {
  it("a machine whose board was never heard from is offline, not free, and SpaceAPI counts it so", async () => {
    const data = await loadDashboard(t.db);
    expect(data.tiles.length).toBeGreaterThan(0);
    // The demo seed starts no board: every machine is offline.
    expect(data.tiles.every((tile) => tile.state === "offline" && tile.lastHeardAt === null)).toBe(true);
    expect(data.counts.free).toBe(0);
    expect(data.counts.offline).toBe(data.tiles.length);
    expect(sensorOf(data.counts)).toEqual(
      expect.arrayContaining([
        { name: "offline", value: data.tiles.length, description: expect.any(String) },
        expect.objectContaining({ name: "free", value: 0 }),
      ]),
    );
  });

  it("heard, blocked and in use: the counts are the tiles counted, and SpaceAPI publishes exactly those counts", async () => {
    const all = await t.db.select().from(machines).orderBy(machines.id);
    const [heard, blocked, used] = all;
    const now = new Date();
    for (const m of [heard!, used!])
      await t.db
        .insert(machinePresence)
        .values({ machineId: m.id, lastHeardAt: now })
        .onConflictDoUpdate({ target: machinePresence.machineId, set: { lastHeardAt: now } });
    await t.db.update(machines).set({ blocked: true, blockedReason: "Broken" }).where(eq(machines.id, blocked!.id));
    await recordUsageStart(t.db, { machineId: used!.id, uid: "efbeadde", replay: false, receivedAt: now });

    const data = await loadDashboard(t.db, now);
    const stateOf = (id: number) => data.tiles.find((tile) => tile.id === id)!.state;
    expect([stateOf(heard!.id), stateOf(blocked!.id), stateOf(used!.id)]).toEqual(["free", "blocked", "in_use"]);

    const counted = Object.fromEntries(MACHINE_STATES.map((s) => [s, data.tiles.filter((tile) => tile.state === s).length]));
    expect(data.counts).toEqual(counted);
    expect(Object.values(data.counts).reduce((a, b) => a + b, 0)).toBe(data.tiles.length);
    expect(Object.fromEntries(sensorOf(data.counts)!.map((s) => [s.name, s.value]))).toEqual(counted);
  });

  it("SpaceAPI leaves the sensor out when there are no machines or no data", () => {
    expect(sensorOf(null)).toBeUndefined();
    expect(sensorOf(Object.fromEntries(MACHINE_STATES.map((s) => [s, 0])) as Record<(typeof MACHINE_STATES)[number], number>)).toBeUndefined();
  });
});
