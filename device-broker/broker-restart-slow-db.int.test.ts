import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { createDb, type DbHandle } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { startBroker, type RunningBroker } from "./broker";
import { readSnapshotFile, snapshotFilePath } from "./snapshot/snapshot-file";
import { connectBoard } from "./testing/board-client";
import { expectReply, waitFor } from "./testing/replies";
import { startDatabaseProxy, type DatabaseProxy } from "./testing/tcp-proxy";

const MARIO = "efbeadde";
const FROM_DATABASE = '{"request_ok":true,"is_valid":true,"name":"Mario","missing_auth":false,"level":1}';
// The saved file holds no names: an answer naming "Member" was decided from it, not from a fresh load.
const FROM_SAVED_FILE = '{"request_ok":true,"is_valid":true,"name":"Member","missing_auth":false,"level":1}';
const BOARD = { from: "127.0.0.5", identity: { serial: "5e00000000aa" } };

let t: TestDatabase;
let proxy: DatabaseProxy;
let dataDir: string;
const open: { broker: RunningBroker; db: DbHandle }[] = [];

async function start() {
  const db = createDb(proxy.url, { max: 5 });
  const broker = await startBroker({ db: db.db, port: 0, host: "127.0.0.1", logger: pino({ level: "silent" }), dataDir, writeTimeoutMs: 300 });
  const entry = { broker, db };
  open.push(entry);
  return entry;
}

async function stop(entry: { broker: RunningBroker; db: DbHandle }) {
  open.splice(open.indexOf(entry), 1);
  await entry.broker.close();
  await entry.db.close();
}

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureReferenceData(t.db);
  await seedDemoData(t.db, "demo-password-123");
  proxy = await startDatabaseProxy(t.url);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-restart-slow-db-"));
});
afterAll(async () => {
  proxy.slow(0);
  for (const entry of [...open]) await stop(entry).catch(() => {});
  await proxy.close();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a broker restarted while the database answers slowly (issue 21: soak, kill -9 under load)", () => {
  // A test budget for a busy machine, not a timed assertion: every wait below is for a condition.
  it("answers its paired board from the saved snapshot at once, then swaps in the fresh load", { timeout: 120_000 }, async () => {
    // The first run pairs the board in the laser's pairing window; the snapshot saved to DATA_DIR shows the pairing.
    const first = await start();
    const board = await connectBoard(first.broker.port, 5, undefined, BOARD);
    try {
      await expectReply(board, 1, { action: "checkuser", uid: MARIO }, FROM_DATABASE);
    } finally {
      await board.endAsync(true);
    }
    await waitFor("the pairing in the saved snapshot", async () => {
      await first.broker.offline.snapshot!.saved();
      const saved = readSnapshotFile(snapshotFilePath(dataDir), pino({ level: "silent" }));
      return saved?.data.machinesByBoard.get(1)?.pairing?.remoteAddress === BOARD.from;
    });
    await stop(first);

    // Every answer of the database now takes a second: a fresh snapshot load (several round trips) takes seconds.
    proxy.slow(1_000);
    const second = await start();
    // The same board reconnects (a new client id, as after a reboot) and announces itself: it is known as the
    // machine's paired board (an unpaired one's checkuser would be refused and its connection closed) and its
    // swipe is answered from the saved snapshot, before the fresh load (before: the broker listened only once the
    // load was in, so a slow database kept every board out of a restarted broker).
    const again = await connectBoard(second.broker.port, 6, undefined, BOARD);
    try {
      await expectReply(again, 1, { action: "checkuser", uid: MARIO }, FROM_SAVED_FILE);
      // The database answers promptly again: the fresh load swaps in (names are back).
      proxy.slow(0);
      await waitFor("the fresh load", async () => second.broker.metrics.snapshotReloads > 0, 60_000);
      await expectReply(again, 1, { action: "checkuser", uid: MARIO }, FROM_DATABASE);
    } finally {
      proxy.slow(0);
      await again.endAsync(true);
    }
  });
});
