import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { equipmentAuthorizations, machines, unknownCards, usageSessions } from "@/lib/db/schema";
import { startBroker, type RunningBroker } from "./broker";
import { ask, connectBoard } from "./testing/board-client";
import { expectReply, waitFor } from "./testing/replies";
import { demoDatabaseBehindProxy } from "./testing/database-behind-proxy";

const MARIO = '{"request_ok":true,"is_valid":true,"name":"Mario","missing_auth":false,"level":1}';
const REFUSED = '{"request_ok":true,"is_valid":false,"name":"Not authorized","missing_auth":true,"level":0}';
const UNKNOWN = '{"request_ok":true,"is_valid":false,"name":"Unknown","missing_auth":false,"level":0}';

// The broker reaches the database only through a proxy the test can cut; the test itself keeps a direct line.
const f = demoDatabaseBehindProxy("broker-offline", { connectTimeoutSeconds: 2 });
let broker: RunningBroker;
let laser: { id: number; equipmentTypeId: number };
let cnc: number;

beforeAll(async () => {
  laser = (await f.t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!;
  cnc = (await f.t.db.select().from(machines).where(eq(machines.boardId, 3)))[0]!.id;
  broker = await startBroker({ db: f.viaProxy.db, port: 0, host: "127.0.0.1", logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }), dataDir: f.dataDir });
});
afterAll(async () => {
  await f.proxy.restore().catch(() => {}); // a cut line would hold the broker's close
  await broker.close();
});

const sessionsOf = (machineId: number, uid: string) =>
  f.t.db
    .select()
    .from(usageSessions)
    .where(and(eq(usageSessions.machineId, machineId), eq(usageSessions.cardUid, uid)));

describe("database stopped mid-run", () => {
  it("answers swipes from the snapshot, spools usage, and drains it once the database is back: nothing lost, nothing doubled", async () => {
    const board = await connectBoard(broker.port, 501);
    try {
      await expectReply(board, 1, { action: "checkuser", uid: "efbeadde" }, MARIO);
      await f.proxy.cut();

      // Decisions while the database is away: trained, untrained, unknown.
      await expectReply(board, 1, { action: "checkuser", uid: "efbeadde" }, MARIO);
      await expectReply(board, 1, { action: "checkuser", uid: "c0000003" }, REFUSED);
      await expectReply(board, 1, { action: "checkuser", uid: "ffffffff" }, UNKNOWN);
      expect(JSON.parse((await ask(board, 1, '{"action":"checkmachine"}'))[0]!.text)).toMatchObject({ request_ok: true, name: "LASER 1" });

      // Usage while the database is away, with the board's replay of the stop on top.
      await expectReply(board, 1, '{"action":"startuse","uid":"efbeadde"}', '{"request_ok":true,"message":""}');
      await expectReply(board, 1, '{"action":"inuse","uid":"efbeadde","duration":30}', '{"request_ok":true,"message":"inUse"}');
      await expectReply(board, 1, '{"action":"stopuse","uid":"efbeadde","duration":1800}', '{"request_ok":true,"message":"Duration 1800 seconds"}');
      await expectReply(
        board,
        1,
        '{"action":"stopuse","uid":"efbeadde","duration":1800,"replay":true}',
        '{"request_ok":true,"message":"Duration 1800 seconds"}',
      );
      await expectReply(board, 3, '{"action":"stopuse","uid":"b0000002","duration":600}', '{"request_ok":true,"message":"Duration 600 seconds"}');
      await expectReply(board, 1, '{"action":"startuse","uid":"ffffffff"}', '{"request_ok":false,"message":"Invalid card"}');
      expect(broker.metrics.spoolDepth).toBeGreaterThanOrEqual(6);
      expect(await sessionsOf(laser.id, "efbeadde")).toEqual([]);

      await f.proxy.restore();
      await waitFor("the spool to drain", async () => broker.metrics.spoolDepth === 0, 30_000);
      expect(broker.metrics.spoolErrors).toBe(0);
      expect(fs.statSync(path.join(f.dataDir, "spool", "events.jsonl")).size).toBe(0);

      const laserSessions = await sessionsOf(laser.id, "efbeadde");
      expect(laserSessions.map((s) => [s.durationSeconds, s.endedBecause, s.recordedAs])).toEqual([[1800, "stop", "live"]]);
      expect(laserSessions[0]!.heartbeats).toBe(1);
      expect((await sessionsOf(cnc, "b0000002")).map((s) => [s.durationSeconds, s.endedBecause])).toEqual([[600, "stop"]]);
      expect(await f.t.db.select().from(unknownCards).where(eq(unknownCards.uid, "ffffffff"))).toHaveLength(1);

      // Back to normal: written straight to the database again.
      await expectReply(board, 3, '{"action":"stopuse","uid":"b0000002","duration":700}', '{"request_ok":true,"message":"Duration 700 seconds"}');
      expect((await sessionsOf(cnc, "b0000002")).map((s) => s.durationSeconds).sort()).toEqual([600, 700]);
      expect(broker.metrics.spoolDepth).toBe(0);
    } finally {
      await board.endAsync(true);
    }
  });
});

describe("snapshot refresh", () => {
  it("sees a new authorization and a revoked card without a restart", async () => {
    const board = await connectBoard(broker.port, 502);
    try {
      await expectReply(board, 1, { action: "checkuser", uid: "c0000003" }, REFUSED);
      await f.t.db
        .insert(equipmentAuthorizations)
        .values({ personId: (await holder("c0000003"))!, equipmentTypeId: laser.equipmentTypeId, level: "user", source: "grant", reason: "test" });
      await untilReply(board, "c0000003", '"is_valid":true');
      const { cards } = await import("@/lib/db/schema");
      await f.t.db.update(cards).set({ state: "revoked" }).where(eq(cards.uid, "c0000003"));
      await untilReply(board, "c0000003", '"is_valid":false');
    } finally {
      await board.endAsync(true);
    }
  });
});

async function holder(uid: string): Promise<number | undefined> {
  const { cards } = await import("@/lib/db/schema");
  return (await f.t.db.select().from(cards).where(eq(cards.uid, uid)))[0]?.personId;
}

/** Swipes until the reply contains `part` (the poll interval is the broker's business; only an upper bound here). */
async function untilReply(board: Awaited<ReturnType<typeof connectBoard>>, uid: string, part: string): Promise<void> {
  let last = "";
  await waitFor(
    `a reply with ${part} (last: ${last})`,
    async () => {
      last = (await ask(board, 1, JSON.stringify({ action: "checkuser", uid })))[0]?.text ?? "";
      return last.includes(part);
    },
    30_000,
  );
}

describe("a full disk with the database down", () => {
  it("answers card checks from memory, acknowledges no usage it could not keep, and loses none it acknowledged", { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-full-disk-"));
    let diskFull = false;
    // The disk fills: a short write, then ENOSPC (an injected write; no root-only tmpfs needed).
    const write = (fd: number, buffer: Buffer, offset: number, length: number) => {
      if (!diskFull) return fs.writeSync(fd, buffer, offset, length);
      if (offset === 0) return fs.writeSync(fd, buffer, 0, Math.min(3, length));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    const second = await startBroker({
      db: f.viaProxy.db,
      port: 0,
      host: "127.0.0.1",
      logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
      dataDir: dir,
      spool: { write },
    });
    const board = await connectBoard(second.port, 503);
    try {
      await expectReply(board, 1, { action: "checkuser", uid: "b0000002" }, '{"request_ok":true,"is_valid":true,"name":"Tom","missing_auth":false,"level":2}');
      await f.proxy.cut();
      await expectReply(board, 1, '{"action":"startuse","uid":"b0000002"}', '{"request_ok":true,"message":""}');
      diskFull = true;
      // Neither the database nor the disk can keep it: no answer (the board keeps it and replays it).
      expect(await ask(board, 1, '{"action":"stopuse","uid":"b0000002","duration":42}')).toEqual([]);
      // Card checks still answered at once, known or unknown.
      await expectReply(board, 1, { action: "checkuser", uid: "b0000002" }, '{"request_ok":true,"is_valid":true,"name":"Tom","missing_auth":false,"level":2}');
      await expectReply(board, 1, { action: "checkuser", uid: "fedcba98" }, UNKNOWN);
      const spooled = fs.readFileSync(path.join(dir, "spool", "events.jsonl"), "utf8");
      expect(spooled.endsWith("\n")).toBe(true); // no torn line left by the failed writes
      diskFull = false;
      await expectReply(board, 1, '{"action":"stopuse","uid":"b0000002","duration":42,"replay":true}', '{"request_ok":true,"message":"Duration 42 seconds"}');
      await f.proxy.restore();
      await waitFor("the spool to drain", async () => second.metrics.spoolDepth === 0, 30_000);
      expect((await sessionsOf(laser.id, "b0000002")).map((s) => [s.durationSeconds, s.endedBecause])).toEqual([[42, "stop"]]);
    } finally {
      await f.proxy.restore().catch(() => {});
      await board.endAsync(true);
      await second.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a DATA_DIR that cannot be written", () => {
  it("starts anyway, answers boards, writes straight to the database and reports the disk state", { timeout: 60_000 }, async () => {
    // A path below a regular file: no directory can be made there, root or not (a read-only mount behaves alike).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "broker-ro-")), "not-a-dir");
    fs.writeFileSync(file, "");
    const third = await startBroker({ db: f.viaProxy.db, port: 0, host: "127.0.0.1", logger: pino({ level: "silent" }), dataDir: path.join(file, "data") });
    const board = await connectBoard(third.port, 504);
    try {
      expect(third.metrics.spoolUnwritable).toBe(1);
      await expectReply(board, 1, { action: "checkuser", uid: "efbeadde" }, MARIO);
      await expectReply(board, 3, '{"action":"stopuse","uid":"b0000002","duration":33}', '{"request_ok":true,"message":"Duration 33 seconds"}');
      expect((await sessionsOf(cnc, "b0000002")).map((s) => s.durationSeconds)).toContain(33);
      expect(third.metrics.snapshot().spoolUnwritable).toBe(1); // what the heartbeat carries to the system page and /api/health
    } finally {
      await board.endAsync(true);
      await third.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
