import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import pino from "pino";
import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { boardEventReceipts, machines, usageSessions } from "@/lib/db/schema";
import { BrokerMetrics } from "../metrics";
import { waitFor } from "../testing/replies";
import { BoardWrites } from "./board-writes";
import { applyEvent, WriteTimeoutError, type SpoolEvent } from "./events";
import { demoDatabaseBehindProxy } from "../testing/database-behind-proxy";

const f = demoDatabaseBehindProxy("board-writes", { connectTimeoutSeconds: 2 });
let machineId: number;
beforeAll(async () => {
  const laser = (await f.t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!;
  machineId = (await f.t.db.insert(machines).values({ name: "Slow laser", boardId: 610, equipmentTypeId: laser.equipmentTypeId }).returning())[0]!.id;
});

const T0 = new Date("2026-04-01T08:00:00Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const MARIO = "efbeadde";

describe("board writes against a slow database", () => {
  it("drains beside live traffic without applying a timed-out write late or twice (exact rows)", { timeout: 120_000 }, async () => {
    const metrics = new BrokerMetrics();
    const writes = new BoardWrites({
      db: f.viaProxy.db,
      logger: pino({ level: "silent" }),
      metrics,
      dir: path.join(f.dataDir, "spool"),
      timeoutMs: 250,
      retryMs: 50,
    });
    // Uses of 3, 5, 3 (again: a duration repeated is a use of its own), 7 and 4 s, 60 s apart; each start and stop
    // written in order as the broker's per-machine queue does, while the database gets slower and faster again.
    const uses = [3, 5, 3, 7, 4];
    const phases = [200, 200, 45, 30, 0]; // ms added to every answer of the database during each use
    for (const [i, duration] of uses.entries()) {
      f.proxy.slow(phases[i]!);
      const start = i * 60;
      await writes.write({ kind: "startuse", machineId, uid: MARIO, replay: false, receivedAt: at(start) });
      await writes.write({ kind: "stopuse", machineId, uid: MARIO, replay: false, duration, receivedAt: at(start + duration) });
    }
    f.proxy.slow(0);
    await waitFor("the spool to drain", async () => writes.depth === 0, 60_000);
    await writes.stop();

    expect(metrics.spooled).toBeGreaterThan(0); // the slow phases did time out
    const rows = await f.t.db.select().from(usageSessions).where(eq(usageSessions.machineId, machineId)).orderBy(asc(usageSessions.startedAt));
    expect(rows.map((r) => ({ startedAt: r.startedAt, endedAt: r.endedAt, duration: r.durationSeconds, because: r.endedBecause, as: r.recordedAs }))).toEqual(
      uses.map((duration, i) => ({ startedAt: at(i * 60), endedAt: at(i * 60 + duration), duration, because: "stop", as: "live" })),
    );
    expect(await f.t.db.$count(boardEventReceipts)).toBe(uses.length * 2);
  });

  it("an attempt of a stop that comes back after a newer start changes nothing; one past its deadline rolls back", async () => {
    const m = (
      await f.t.db
        .insert(machines)
        .values({
          name: "Late laser",
          boardId: 611,
          equipmentTypeId: (await f.t.db.select().from(machines).where(eq(machines.id, machineId)))[0]!.equipmentTypeId,
        })
        .returning()
    )[0]!.id;
    const ev = (id: string, body: Record<string, unknown>, s: number) => ({ id, machineId: m, receivedAt: at(s).toISOString(), ...body }) as SpoolEvent;
    const start1 = ev("00000000-0000-4000-8000-000000000001", { kind: "startuse", uid: MARIO, replay: false }, 0);
    const stop1 = ev("00000000-0000-4000-8000-000000000002", { kind: "stopuse", uid: MARIO, replay: false, duration: 3 }, 3);
    const start2 = ev("00000000-0000-4000-8000-000000000003", { kind: "startuse", uid: MARIO, replay: false }, 10);
    await applyEvent(f.t.db, start1);
    // An attempt that finished after its caller gave up: rolled back, nothing of it stays.
    await expect(applyEvent(f.t.db, stop1, { deadline: Date.now() - 1 })).rejects.toBeInstanceOf(WriteTimeoutError);
    await applyEvent(f.t.db, stop1);
    await applyEvent(f.t.db, start2);
    // The same stop again (a spooled copy of a write that committed late): it must not close the newer session.
    expect(await applyEvent(f.t.db, stop1)).toEqual({ ok: true, effect: "duplicate", sessionId: null });
    const rows = await f.t.db.select().from(usageSessions).where(eq(usageSessions.machineId, m)).orderBy(asc(usageSessions.id));
    expect(rows.map((r) => [r.startedAt, r.endedAt, r.durationSeconds])).toEqual([
      [at(0), at(3), 3],
      [at(10), null, null],
    ]);
  });

  it("cancels the writes it gives up on: they end while the database still holds them up, and are applied once, later", { timeout: 120_000 }, async () => {
    const m = (
      await f.t.db
        .insert(machines)
        .values({
          name: "Held laser",
          boardId: 612,
          equipmentTypeId: (await f.t.db.select().from(machines).where(eq(machines.id, machineId)))[0]!.equipmentTypeId,
        })
        .returning()
    )[0]!.id;
    const direct = createDb(f.t.url, { max: 3 });
    const holder = postgres(f.t.url, { max: 1, onnotice: () => {} });
    const dir = path.join(f.dataDir, "held-spool");
    try {
      await direct.db.execute(sql`select 1`); // connected: a connection's first query cannot be cancelled
      // Another client holds the receipts (PostgreSQL: its lock; the embedded database: its one session).
      const tx = await holder.reserve();
      await tx`begin`;
      await tx`lock table board_event_receipts in exclusive mode`;
      const metrics = new BrokerMetrics();
      const writes = new BoardWrites({ db: direct.db, logger: pino({ level: "silent" }), metrics, dir, timeoutMs: 300, drainTimeoutMs: 300, retryMs: 50 });
      try {
        // The board's live write waits out its bound, is given up on and spooled; the drain then tries it and gives up too.
        expect(await writes.write({ kind: "startuse", machineId: m, uid: MARIO, replay: false, receivedAt: at(0) })).toBe("spooled");
        await waitFor("a drain attempt given up on", async () => metrics.databaseTimeouts >= 2);
        await writes.stop();
        // Settled though the holder still holds: only a cancel ends a statement waiting for it (before, it ran on and
        // applied the write whenever the database let it, after newer events) — and nothing of them waits any more.
        await writes.health.settled("spool drain");
        expect(metrics.databaseCancels).toBeGreaterThanOrEqual(2);
        expect(await f.t.blocked()).toBe(0);
      } finally {
        await tx`commit`;
        tx.release();
      }
      expect(await f.t.db.select().from(usageSessions).where(eq(usageSessions.machineId, m))).toEqual([]);

      // The next broker drains the spool: the start applied once.
      const next = new BoardWrites({ db: direct.db, logger: pino({ level: "silent" }), metrics: new BrokerMetrics(), dir, retryMs: 50 });
      await waitFor("the spool to drain", async () => next.depth === 0, 60_000);
      await next.stop();
      const rows = await f.t.db.select().from(usageSessions).where(eq(usageSessions.machineId, m));
      expect(rows.map((r) => [r.startedAt, r.endedAt])).toEqual([[at(0), null]]);
    } finally {
      await holder.end({ timeout: 1 });
      await direct.close();
    }
  });
});
