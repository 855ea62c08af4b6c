import fs from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { boardEventReceipts, machines, usageSessions } from "@/lib/db/schema";
import { startBroker, type RunningBroker } from "./broker";
import { applyEvent, type SpoolEvent } from "./spool/events";
import { connectBoard } from "./testing/board-client";
import { expectReply, waitFor } from "./testing/replies";
import { demoDatabaseBehindProxy } from "./testing/database-behind-proxy";

const f = demoDatabaseBehindProxy("broker-spool-drain");
let broker: RunningBroker | undefined;
afterAll(() => broker?.close());

const T0 = new Date("2026-04-01T08:00:00Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const MARIO = "efbeadde";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("a spool left by a killed broker, drained by the next one against a slow database", () => {
  // A test budget for a busy machine, not a timed assertion: every wait below is for a condition.
  it("drains every event in order, once, though no transaction fits in the boards' reply budget", { timeout: 180_000 }, async () => {
    const [laser] = await f.t.db.select().from(machines).where(eq(machines.boardId, 1));
    // Five uses the killed broker acknowledged while the database was away: a start and a stop each.
    const uses = [3, 5, 3, 7, 4];
    const events: SpoolEvent[] = uses.flatMap((duration, i) => [
      { id: id(2 * i + 1), kind: "startuse", machineId: laser!.id, uid: MARIO, replay: false, receivedAt: at(i * 60).toISOString() },
      { id: id(2 * i + 2), kind: "stopuse", machineId: laser!.id, uid: MARIO, replay: false, duration, receivedAt: at(i * 60 + duration).toISOString() },
    ]);
    // It was killed after the first event committed and before its drained mark moved: that one is applied again.
    await applyEvent(f.t.db, events[0]!);
    fs.mkdirSync(path.join(f.dataDir, "spool"), { recursive: true });
    fs.writeFileSync(path.join(f.dataDir, "spool", "events.jsonl"), events.map((e) => `${JSON.stringify(e)}\n`).join(""));

    // Every answer of the database held 80 ms: a transaction (begin, receipt, the usage queries, commit) takes
    // longer than the boards' 300 ms write budget here, as on a busy box — the drain must still get through.
    f.proxy.slow(80);
    broker = await startBroker({ db: f.viaProxy.db, port: 0, host: "127.0.0.1", logger: pino({ level: "silent" }), dataDir: f.dataDir, writeTimeoutMs: 300 });
    const writes = broker.offline.writes!;

    // A board uses the laser meanwhile: acknowledged at once, and recorded after the spooled uses, never before.
    const board = await connectBoard(broker.port, 1);
    try {
      await expectReply(board, 1, { action: "startuse", uid: MARIO }, '{"request_ok":true,"message":""}');
      await expectReply(board, 1, { action: "stopuse", uid: MARIO, duration: 2400 }, '{"request_ok":true,"message":"Duration 2400 seconds"}');
    } finally {
      await board.endAsync(true);
    }

    await waitFor("the spool to drain", async () => writes.depth === 0, 120_000);
    f.proxy.slow(0);
    const rows = await f.t.db.select().from(usageSessions).where(eq(usageSessions.machineId, laser!.id)).orderBy(asc(usageSessions.id));
    expect(rows.slice(0, uses.length).map((r) => [r.startedAt, r.endedAt, r.durationSeconds, r.endedBecause])).toEqual(
      uses.map((duration, i) => [at(i * 60), at(i * 60 + duration), duration, "stop"]),
    );
    expect(rows.slice(uses.length).map((r) => [r.durationSeconds, r.endedBecause])).toEqual([[2400, "stop"]]);
    expect(rows[uses.length]!.startedAt.getTime()).toBeGreaterThan(at(240).getTime());
    // Each event applied once (the rows above), the re-applied first one a no-op; the board's own (its alive, the
    // live use) are spooled behind them and applied too.
    const receipts = (await f.t.db.select({ id: boardEventReceipts.eventId }).from(boardEventReceipts)).map((r) => r.id);
    expect(receipts.filter((r) => r.startsWith("00000000-")).sort()).toEqual(events.map((e) => e.id));
    expect(fs.statSync(path.join(f.dataDir, "spool", "events.jsonl")).size).toBe(0);
  });
});
