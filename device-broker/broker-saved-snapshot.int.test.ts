import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { machines, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { startBroker, type RunningBroker } from "./broker";
import { decideOnMachine } from "./snapshot/decide";
import { decodeSnapshot, snapshotFilePath } from "./snapshot/snapshot-file";
import { connectBoard } from "./testing/board-client";
import { expectReply, waitFor } from "./testing/replies";
import { startDatabaseProxy, type DatabaseProxy } from "./testing/tcp-proxy";

// From the saved file the broker knows no names: the board shows "Member" until the database is back.
const MEMBER = '{"request_ok":true,"is_valid":true,"name":"Member","missing_auth":false,"level":1}';

let t: DemoDatabase;
let proxy: DatabaseProxy;
const dirs: string[] = [];
const open: { broker?: RunningBroker; db?: DbHandle }[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-saved-snapshot-"));
  dirs.push(dir);
  return dir;
}

/** A broker whose database goes through the test's proxy; its log lines are collected. */
async function start(dataDir: string) {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const db = createDb(proxy.url, { max: 5, connectTimeoutSeconds: 1 });
  const entry: (typeof open)[number] = { db };
  open.push(entry);
  entry.broker = await startBroker({ db: db.db, port: 0, host: "127.0.0.1", logger: pino({ level: "info" }, sink), dataDir, writeTimeoutMs: 500 });
  return { broker: entry.broker, db, log: () => lines.join("") };
}

async function stop(entry: { broker: RunningBroker; db: DbHandle }) {
  await entry.broker.close();
  await entry.db.close();
}

beforeAll(async () => {
  t = await createDemoDatabase();
  proxy = await startDatabaseProxy(t.url);
});
afterAll(async () => {
  await proxy.restore().catch(() => {});
  for (const { broker, db } of open) {
    await broker?.close().catch(() => {});
    await db?.close().catch(() => {});
  }
  await proxy.close();
  await t.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("a broker started while the database is down", () => {
  it("serves boards from the snapshot the last run saved, spools usage, and drains it once the database is back", { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await first.broker.offline.snapshot!.saved();
    await stop(first);
    const file = snapshotFilePath(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain("efbeadde");
    expect(text).not.toMatch(/Mario|Rossi|member@makerspace/);

    await proxy.cut();
    const second = await start(dataDir);
    expect(second.log()).toMatch(/deciding from the snapshot saved \d+ min ago/);
    const board = await connectBoard(second.broker.port, 701);
    try {
      await expectReply(board, 1, { action: "checkuser", uid: "efbeadde" }, MEMBER);
      await expectReply(board, 1, '{"action":"startuse","uid":"efbeadde"}', '{"request_ok":true,"message":""}');
      await expectReply(board, 1, '{"action":"stopuse","uid":"efbeadde","duration":600}', '{"request_ok":true,"message":"Duration 600 seconds"}');
    } finally {
      await board.endAsync(true);
    }
    const spooled = fs
      .readFileSync(path.join(dataDir, "spool", "events.jsonl"), "utf8")
      .trim()
      .split("\n");
    // The board's alive (it was paired in the machine's pairing window from the saved snapshot) and its use.
    expect(spooled.map((line) => JSON.parse(line).kind)).toEqual(["alive", "startuse", "stopuse"]);
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const sessions = () =>
      t.db
        .select()
        .from(usageSessions)
        .where(and(eq(usageSessions.machineId, laser!.id), eq(usageSessions.cardUid, "efbeadde")));
    expect(await sessions()).toEqual([]);

    await proxy.restore();
    await waitFor("the spool to drain", async () => second.broker.offline.writes!.depth === 0, 60_000);
    expect((await sessions()).map((s) => [s.durationSeconds, s.endedBecause])).toEqual([[600, "stop"]]);
    // And the snapshot is reloaded from the database (names are back).
    await waitFor("a full reload", async () => second.broker.metrics.snapshotReloads > 0, 60_000);
    const board2 = await connectBoard(second.broker.port, 702);
    try {
      await expectReply(
        board2,
        1,
        { action: "checkuser", uid: "efbeadde" },
        '{"request_ok":true,"is_valid":true,"name":"Mario","missing_auth":false,"level":1}',
      );
    } finally {
      await board2.endAsync(true);
    }
    await stop(second);
    expect((await sessions()).length).toBe(1);
  });

  it("decides from a saved snapshot against the current time: an authorization that expired since is refused", async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await first.broker.offline.snapshot!.saved();
    await stop(first);
    const file = JSON.parse(fs.readFileSync(snapshotFilePath(dataDir), "utf8"));
    const saved = decodeSnapshot(JSON.stringify(file));
    const machine = saved.data.machinesByBoard.get(1)!;
    expect(decideOnMachine(saved.data, machine, "efbeadde", new Date()).allowed).toBe(true);
    // The same file, but Mario's authorizations end a second ago, after the snapshot was saved.
    const past = Date.now() - 1_000;
    for (const [, list] of file.auths) for (const a of list) a.expiresAt = past;
    const later = decodeSnapshot(JSON.stringify(file));
    expect(decideOnMachine(later.data, later.data.machinesByBoard.get(1)!, "efbeadde", new Date(past - 60_000)).allowed).toBe(true);
    expect(decideOnMachine(later.data, later.data.machinesByBoard.get(1)!, "efbeadde", new Date())).toMatchObject({ allowed: false });
  });

  it.each([
    ["corrupt", "{not json", /saved decision snapshot is corrupt; ignored/],
    [
      "from another version",
      JSON.stringify({ schemaVersion: 999, savedAt: new Date().toISOString() }),
      /saved decision snapshot is from another version; ignored/,
    ],
  ])("ignores a %s snapshot file with a log line", { timeout: 60_000 }, async (_case, content, expected) => {
    const dataDir = tempDir();
    fs.mkdirSync(path.dirname(snapshotFilePath(dataDir)), { recursive: true });
    fs.writeFileSync(snapshotFilePath(dataDir), content);
    await proxy.cut();
    try {
      const broker = await start(dataDir);
      expect(broker.log()).toMatch(expected);
      expect(broker.broker.offline.snapshot!.ready).toBe(false);
      await stop(broker);
    } finally {
      await proxy.restore();
    }
  });
});
