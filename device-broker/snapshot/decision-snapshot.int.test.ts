import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { machines } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { BrokerMetrics } from "../metrics";
import { DecisionSnapshot } from "./decision-snapshot";
import { loadSnapshot, type SnapshotData } from "./load-snapshot";

/*
 * The order of a poll and a refresh, held step by step: the change marker's reads and the loads wait until the test
 * answers them. A load returns the database as it was when the load started (before or after a machine is added),
 * so a load that started earlier and finishes later is the stale one. No timers: each step lets the pending
 * promise callbacks run (setImmediate) and looks at what is waiting.
 */

let t: DemoDatabase;
/** The database before and after a machine was added (read for real). */
let before: SnapshotData;
let after: SnapshotData;
let added: number;

beforeAll(async () => {
  t = await createDemoDatabase();
  before = await loadSnapshot(t.db);
  const [laser] = await t.db.select().from(machines).limit(1);
  const [machine] = await t.db.insert(machines).values({ name: "Just added", boardId: 900, equipmentTypeId: laser!.equipmentTypeId }).returning();
  added = machine!.id;
  after = await loadSnapshot(t.db);
  expect(before.machinesById.has(added)).toBe(false);
  expect(after.machinesById.has(added)).toBe(true);
});
afterAll(() => t.close());

interface Held {
  kind: "marker" | "load";
  release(): void;
}

let pending: Held[];
/** Whether the machine has been added: loads that start from now on read `after`. */
let changed: boolean;
let loadsStarted: number;

beforeEach(() => {
  pending = [];
  changed = false;
  loadsStarted = 0;
});

function hold<T>(kind: Held["kind"], value: T): Promise<T> {
  return new Promise<T>((resolve) => pending.push({ kind, release: () => resolve(value) }));
}

function snapshot(): DecisionSnapshot {
  return new DecisionSnapshot({
    db: t.db,
    logger: pino({ level: "silent" }),
    metrics: new BrokerMetrics(),
    pollMs: 3_600_000, // the first poll only (start)
    readMarker: () => hold("marker", changed ? "2:true" : "1:true"),
    load: () => {
      loadsStarted++;
      return hold("load", changed ? after : before);
    },
  });
}

/** Lets every callback that is due run (nothing here waits on I/O: all of it waits on the test). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Answers the oldest waiting read of the change marker, or the NEWEST waiting load (the older one finishes last). */
async function answerNext(): Promise<boolean> {
  const marker = pending.find((h) => h.kind === "marker");
  const load = pending.findLast((h) => h.kind === "load");
  const next = marker ?? load;
  if (!next) return false;
  pending.splice(pending.indexOf(next), 1);
  next.release();
  await settle();
  return true;
}

/** Answers what waits until `done` or nothing waits. */
async function answerUntil(done: () => boolean): Promise<void> {
  await settle();
  while (!done() && (await answerNext()));
}

describe("decision snapshot: a poll and a refresh never race", () => {
  it("a refresh while a poll reads the change marker resolves only once a load started after it is applied", async () => {
    const s = snapshot();
    s.start(); // the poll reads the marker: held
    await settle();
    expect(pending.map((h) => h.kind)).toEqual(["marker"]);
    changed = true; // a machine is added; the poll's marker is from before
    let seen: SnapshotData | null | undefined;
    const refreshed = s.refresh().then(() => (seen = s.data));
    await answerUntil(() => seen !== undefined);
    await refreshed;
    // Before: the poll's load took the database, the refresh's load gave up at once, and refresh() resolved with
    // no load applied (a board of the new machine got "Invalid machine ID").
    expect(seen?.machinesById.has(added)).toBe(true);
    expect(s.data).toBe(after);
    await s.stop();
  });

  it("a refresh during a poll's load waits for it and loads again; the poll's older state does not replace it", async () => {
    const s = snapshot();
    s.start();
    await answerUntil(() => loadsStarted === 1); // the poll's load started before the change
    changed = true;
    let seen: SnapshotData | null | undefined;
    const refreshed = s.refresh().then(() => (seen = s.data));
    await answerUntil(() => seen !== undefined);
    await refreshed;
    expect(seen).toBe(after);
    await answerUntil(() => false);
    expect(s.data).toBe(after);
    expect(loadsStarted).toBe(2);
    await s.stop();
  });

  it("refreshes asked during a load share one load after it, and each sees the change", async () => {
    const s = snapshot();
    const first = s.refresh();
    await answerUntil(() => loadsStarted === 1); // started before the change
    changed = true;
    const seen: (SnapshotData | null)[] = [];
    const both = Promise.all([s.refresh().then(() => seen.push(s.data)), s.refresh().then(() => seen.push(s.data))]);
    await answerUntil(() => seen.length === 2);
    await Promise.all([first, both]);
    // Before: each started its own load after the running one; the second gave up at once and resolved on the old state.
    expect(seen.map((data) => data?.machinesById.has(added))).toEqual([true, true]);
    expect(s.data).toBe(after);
    expect(loadsStarted).toBe(2);
    await s.stop();
  });
});
