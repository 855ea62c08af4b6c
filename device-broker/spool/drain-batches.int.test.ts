import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardEventReceipts, machines, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { countingDb, type CountingDb } from "@/lib/db/testing/query-counter";
import { waitFor } from "@/lib/testing/wait-for";
import { BrokerMetrics } from "../metrics";
import { BoardWrites } from "./board-writes";
import type { SpoolEvent } from "./events";
import { SpoolLog } from "./spool-log";

// The drain applies several spooled events per transaction: in their order, each once, and a refused one set aside alone.
let t: DemoDatabase;
/** The drainer's handle: its statements counted (BEGIN: one per transaction). */
let counted: CountingDb;
let dataDir: string;
let laser: number;
let router: number;

beforeAll(async () => {
  t = await createDemoDatabase();
  const type = (await t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.equipmentTypeId;
  [laser, router] = (
    await t.db
      .insert(machines)
      .values([
        { name: "Batch laser", boardId: 620, equipmentTypeId: type },
        { name: "Batch router", boardId: 621, equipmentTypeId: type },
      ])
      .returning()
  ).map((m) => m.id) as [number, number];
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "drain-batches-"));
  counted = countingDb(t.url);
});
afterAll(async () => {
  await counted.close();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const T0 = new Date("2026-04-02T08:00:00Z").getTime();
const MARIO = "efbeadde";
let n = 0;
const ev = (machineId: number, s: number, body: Record<string, unknown>) =>
  ({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
    machineId,
    receivedAt: new Date(T0 + s * 1000).toISOString(),
    uid: MARIO,
    replay: false,
    ...body,
  }) as SpoolEvent;
const use = (machineId: number, s: number, duration: number) => [
  ev(machineId, s, { kind: "startuse" }),
  ev(machineId, s + 5, { kind: "inuse", duration: 5 }),
  ev(machineId, s + duration, { kind: "stopuse", duration }),
];

/** Spools `events` as a broker that could not write them, then lets a new one drain them in batches of `batch`. */
async function drain(name: string, events: SpoolEvent[], batch: number, batchMs = 60_000) {
  const dir = path.join(dataDir, name);
  const spool = new SpoolLog<SpoolEvent>(dir);
  for (const e of events) spool.append(e);
  spool.close();
  const metrics = new BrokerMetrics();
  counted.reset();
  const writes = new BoardWrites({ db: counted.db, logger: pino({ level: "silent" }), metrics, dir, retryMs: 50, drainBatch: batch, drainBatchMs: batchMs });
  await waitFor("the spool to drain", () => writes.depth === 0, 60_000);
  await writes.stop();
  const rejected = path.join(dir, "rejected.jsonl");
  const setAside = fs.existsSync(rejected)
    ? fs
        .readFileSync(rejected, "utf8")
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { record: SpoolEvent }).record.id)
    : [];
  const transactions = counted.queries.filter((q) => /^begin/i.test(q.trim())).length;
  return { metrics, setAside, transactions };
}

const sessions = async (machineId: number) =>
  (await t.db.select().from(usageSessions).where(eq(usageSessions.machineId, machineId)).orderBy(asc(usageSessions.startedAt))).map((r) => [
    r.startedAt.getTime() - T0,
    r.endedAt && r.endedAt.getTime() - T0,
    r.durationSeconds,
  ]);

describe("the spool drain in batches", () => {
  it("applies two machines' interleaved uses in order, once each, an event spooled twice once, across batch edges", async () => {
    const a = [...use(laser, 0, 30), ...use(laser, 100, 30), ...use(laser, 200, 12)];
    const b = [...use(router, 1, 20), ...use(router, 101, 20)];
    // Interleaved as boards working at once send them; the laser's second start spooled twice (a write that
    // committed after its caller gave up, spooled too), the copy in a later batch and one in the same batch.
    const events = [...a, ...b].sort((x, y) => x.receivedAt.localeCompare(y.receivedAt));
    const copy = a[3]!;
    events.splice(events.indexOf(copy) + 1, 0, copy);
    events.push(copy);
    const { metrics, setAside, transactions } = await drain("order", events, 4);
    expect(setAside).toEqual([]);
    expect(transactions).toBe(Math.ceil(events.length / 4)); // before batches, one per event
    expect(metrics.drained).toBe(events.length);
    expect(await sessions(laser)).toEqual([
      [0, 30_000, 30],
      [100_000, 130_000, 30],
      [200_000, 212_000, 12],
    ]);
    expect(await sessions(router)).toEqual([
      [1_000, 21_000, 20],
      [101_000, 121_000, 20],
    ]);
    expect(await t.db.$count(boardEventReceipts)).toBe(a.length + b.length);
  });

  it("sets aside only the event the database refuses: the rest of its batch is applied, in order", async () => {
    await t.db.delete(usageSessions).where(eq(usageSessions.machineId, laser));
    const first = use(laser, 1000, 10);
    const second = use(laser, 1100, 10);
    // An id that is no uuid cannot get a receipt: the database refuses that event (a corrupt spool line would).
    const refused = { ...ev(laser, 1050, { kind: "inuse", duration: 5 }), id: "not-a-uuid" } as SpoolEvent;
    const { setAside } = await drain("refused", [...first, refused, ...second], 10);
    expect(setAside).toEqual(["not-a-uuid"]);
    expect(await sessions(laser)).toEqual([
      [1_000_000, 1_010_000, 10],
      [1_100_000, 1_110_000, 10],
    ]);
  });

  it("a batch past its time budget takes no further event: the rest are applied by the next ones, their receipts not taken early", async () => {
    await t.db.delete(usageSessions).where(eq(usageSessions.machineId, laser));
    const events = [...use(laser, 2000, 10), ...use(laser, 2100, 10)];
    const receiptsBefore = await t.db.$count(boardEventReceipts);
    // Budget 0: each transaction stops after its first event (a batch of 6 offered each time).
    const { transactions, metrics } = await drain("budget", events, 6, 0);
    expect(transactions).toBe(events.length);
    expect(metrics.drained).toBe(events.length);
    expect(await sessions(laser)).toEqual([
      [2_000_000, 2_010_000, 10],
      [2_100_000, 2_110_000, 10],
    ]);
    expect((await t.db.$count(boardEventReceipts)) - receiptsBefore).toBe(events.length);
  });
});
