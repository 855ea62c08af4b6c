import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { machines, usageSessions } from "@/lib/db/schema";
import { createBackup } from "@/lib/ops/backup/create-backup";
import { checkBackup } from "@/lib/ops/backup/read-backup";
import pino from "pino";
import { startBroker } from "./broker";
import { startBoardTraffic } from "./testing/board-traffic";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";

// Issue 21: a backup of the embedded database beside live board traffic, as the broker's daily job takes it (in the
// broker's own process, on its database): every board request is answered and every reported use is recorded.
// The fixture has no DATA_DIR, so no spool (as with a read-only one): a write the database does not take within its
// bound while the backup fills its cursors used to end with no reply at all; now it goes on, later facts wait behind
// it in memory, and the board is answered from the snapshot. The board's p99 during the backup is printed, not timed.
let f: BrokerFixture;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-broker-backup-"));
const OLD_SESSIONS = 40_000;

beforeAll(async () => {
  f = await startBrokerFixture();
  // Old uses on the bandsaw (board 2), so the backup has something to read for a while.
  await f.database.db.execute(sql`
    insert into usage_sessions (machine_id, card_uid, started_at, ended_at, duration_seconds, recorded_as, ended_because, last_heartbeat_at, heartbeats, opened_by_event_at)
    select m.id, 'c0ffee00', now() - (g + 1) * interval '2 hours', now() - (g + 1) * interval '2 hours' + interval '1 hour', 3600, 'live', 'stop',
      now() - (g + 1) * interval '2 hours' + interval '1 hour', 120, now() - (g + 1) * interval '2 hours'
    from generate_series(1, ${OLD_SESSIONS}) g, (select id from machines where board_id = 2) m`);
}, 120_000);
afterAll(async () => {
  await f?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("answers every board request while a backup of the database runs, and loses no use (no spool)", { timeout: 300_000 }, async () => {
  await besideBackup(f.broker.port, 901, "no spool");
});

it("answers every board request while a backup of the database runs, and loses no use (spool under DATA_DIR, as deployed)", { timeout: 300_000 }, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-broker-backup-data-"));
  const spooling = await startBroker({ db: f.database.db, port: 0, host: "127.0.0.1", logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }), dataDir });
  try {
    await besideBackup(spooling.port, 911, "spool");
  } finally {
    await spooling.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

async function besideBackup(port: number, firstClient: number, label: string): Promise<void> {
  const [laser] = await f.database.db.select().from(machines).where(eq(machines.boardId, 1));
  const [cnc] = await f.database.db.select().from(machines).where(eq(machines.boardId, 3));
  const sessions = async (machineId: number, uid: string) =>
    (
      await f.database.db
        .select({ n: count() })
        .from(usageSessions)
        .where(and(eq(usageSessions.machineId, machineId), eq(usageSessions.cardUid, uid)))
    )[0]!.n;
  const recorded = async () => (await sessions(laser!.id, "efbeadde")) + (await sessions(cnc!.id, "a0000001"));
  const baseline = await recorded();
  const traffic = await startBoardTraffic(port, [
    { boardId: 1, client: firstClient, card: "efbeadde" },
    { boardId: 3, client: firstClient + 2, card: "a0000001" },
  ]);
  let result;
  let sentBefore = 0;
  let sentDuring = 0;
  let answeredBefore = 0;
  let answeredAfter = 0;
  try {
    while (traffic.sent() < 6) await new Promise((r) => setTimeout(r, 10));
    sentBefore = traffic.sent();
    answeredBefore = traffic.answered();
    const backup = await createBackup(f.database.db, { dir, appVersion: "test", fetchRows: 500 });
    sentDuring = traffic.sent() - sentBefore;
    answeredAfter = traffic.answered();
    expect(backup.tables.usage_sessions).toBeGreaterThanOrEqual(OLD_SESSIONS);
    expect((await checkBackup(backup.file)).tables.find((t) => t.name === "usage_sessions")!.rows).toBe(backup.tables.usage_sessions);
  } finally {
    result = await traffic.stop();
  }
  // Printed, not asserted (no timed assertions): the board gives up after 2 s.
  const during = result.latencies.slice(answeredBefore, answeredAfter).sort((a, b) => a - b);
  const p99 = during.length > 0 ? during[Math.min(during.length - 1, Math.ceil(during.length * 0.99) - 1)]!.toFixed(0) : "-";
  const max = during.length > 0 ? during.at(-1)!.toFixed(0) : "-";
  console.log(
    `${label}: board requests: ${result.sent} sent (${sentDuring} during the backup), ${result.answered} answered, ${result.unanswered} unanswered, ${result.uses} uses; ` +
      `during the backup ${during.length} replies, p99 ${p99} ms, max ${max} ms`,
  );
  // The boards kept asking while the backup ran, and every request got its reply.
  expect(sentDuring).toBeGreaterThan(0);
  expect(result.unanswered).toBe(0);
  expect(result.answered).toBe(result.sent);
  // Every use the boards reported is a session (those the spool held meanwhile too, once drained).
  const deadline = Date.now() + 60_000;
  while ((await recorded()) - baseline < result.uses && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect((await recorded()) - baseline).toBe(result.uses);
}
