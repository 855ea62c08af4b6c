/**
 * The broker's spool drain rate (issue 21: it drained at 0.7–2 events/s under the soak's load, so a spool filled by
 * an outage or a kill outlived the test). Board events written into a spool as the broker writes them while the
 * database is away, then drained by the broker's own BoardWrites into the bench database: events per second, and
 * on the embedded database the round trips per event and how long each held its one session (of it, waiting on the
 * drainer: the floor is the database's own work, held minus waited).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, gte } from "drizzle-orm";
import pino from "pino";
import { createDb, type Db } from "@/lib/db/client";
import { machines } from "@/lib/db/schema";
import { BrokerMetrics } from "@/device-broker/metrics";
import { BoardWrites } from "@/device-broker/spool/board-writes";
import type { SpoolEvent } from "@/device-broker/spool/events";
import { SpoolLog } from "@/device-broker/spool/spool-log";
import { BENCH_BOARD_BASE, type BenchDatabase } from "./bench-database";

const CARD = "efbeadde";
/** Per use, as a board sends them with the soak's 5 s inuse period: a start, heartbeats, a stop. */
const HEARTBEATS = 3;

export interface DrainResult {
  events: number;
  seconds: number;
  perSecond: number;
  /** Embedded only, per event. */
  perEvent?: { roundTrips: number; heldMs: number; waitedMs: number };
}

/** Uses on `machineCount` bench machines, interleaved as boards working at once send them, starting 2 h ago. */
function usageEvents(machineIds: number[], uses: number): SpoolEvent[] {
  const events: SpoolEvent[] = [];
  const t0 = Date.now() - 2 * 3600_000;
  for (let u = 0; u < uses; u++) {
    const machineId = machineIds[u % machineIds.length]!;
    const start = t0 + Math.floor(u / machineIds.length) * 60_000 + (u % machineIds.length) * 100;
    const at = (s: number) => new Date(start + s * 1000).toISOString();
    const common = { machineId, uid: CARD, replay: false };
    events.push({ id: randomUUID(), receivedAt: at(0), kind: "startuse", ...common });
    for (let h = 1; h <= HEARTBEATS; h++) events.push({ id: randomUUID(), receivedAt: at(5 * h), kind: "inuse", duration: 5 * h, ...common });
    events.push({ id: randomUUID(), receivedAt: at(5 * HEARTBEATS + 2), kind: "stopuse", duration: 5 * HEARTBEATS + 2, ...common });
  }
  // Boards work at once: their events reach the spool in time order, machines interleaved.
  return events.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/** Seconds until the broker's BoardWrites has drained `events` from a spool into the database. */
async function drainOnce(db: Db, events: SpoolEvent[], dir: string): Promise<number> {
  const spool = new SpoolLog<SpoolEvent>(dir);
  for (const event of events) spool.append(event);
  spool.close();
  const started = performance.now();
  const writes = new BoardWrites({ db, logger: pino({ level: "silent" }), metrics: new BrokerMetrics(), dir, retryMs: 50 });
  try {
    while (writes.depth > 0) {
      await writes.idle();
      if (writes.depth > 0) await new Promise((r) => setTimeout(r, 10));
    }
    return (performance.now() - started) / 1000;
  } finally {
    await writes.stop();
  }
}

/** Drains `uses` uses' events (after a short warm-up drain) and reports the rate. */
export async function measureDrain(database: BenchDatabase, machineCount: number, uses: number): Promise<DrainResult> {
  // As the broker's pool; kept from the warm-up on (its connections, types and prepared statements).
  const handle = createDb(database.url, { max: 5 });
  const ids = (
    await handle.db.select({ id: machines.id }).from(machines).where(gte(machines.boardId, BENCH_BOARD_BASE)).orderBy(asc(machines.boardId)).limit(machineCount)
  ).map((m) => m.id);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ms-drain-"));
  try {
    const all = usageEvents(ids, uses + ids.length);
    // Warm-up: connections, types, prepared statements, the database's caches.
    await drainOnce(handle.db, all.slice(0, ids.length * (HEARTBEATS + 2)), path.join(work, "warm"));
    await database.holds?.();
    const events = all.slice(ids.length * (HEARTBEATS + 2));
    const seconds = await drainOnce(handle.db, events, path.join(work, "spool"));
    const holds = await database.holds?.();
    const drainer = holds?.makerspace;
    return {
      events: events.length,
      seconds,
      perSecond: events.length / seconds,
      perEvent: drainer && {
        roundTrips: drainer.roundTrips / events.length,
        heldMs: drainer.ms / events.length,
        waitedMs: drainer.waitedOnClientMs / events.length,
      },
    };
  } finally {
    await handle.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function printDrain(r: DrainResult, machineCount: number): void {
  const per = r.perEvent
    ? `; per event ${r.perEvent.roundTrips.toFixed(1)} round trips, the session held ${r.perEvent.heldMs.toFixed(1)} ms, of it ${r.perEvent.waitedMs.toFixed(1)} ms waiting on the broker (floor: the database's own work, ${(r.perEvent.heldMs - r.perEvent.waitedMs).toFixed(1)} ms)`
    : "";
  console.log(
    `\nspool drain: ${r.events} usage events (per use a startuse, ${HEARTBEATS} inuse, a stopuse; ${machineCount} machines) in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(1)} events/s${per}`,
  );
}
