import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { waitFor } from "@/lib/testing/wait-for";
import { createBackup } from "./create-backup";
import { readBackup } from "./read-backup";

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-backup-consistency-"));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Generous: the writer runs between the backup's fetches (on the embedded database the backup no longer holds it off).
it("sees both rows of a concurrent transaction or neither, while writes go on", { timeout: 180_000 }, async () => {
  let stop = false;
  let pairs = 0;
  // A writer committing two rows per transaction for as long as the backups run.
  const writer = (async () => {
    while (!stop) {
      await t.db.transaction(async (tx) => {
        await recordAudit(tx, { actorId: null, changeType: "settings.update", entity: "pair", entityId: pairs, after: { half: 1 } });
        await recordAudit(tx, { actorId: null, changeType: "settings.update", entity: "pair", entityId: pairs, after: { half: 2 } });
      });
      pairs++;
    }
  })();
  await waitFor("the writer's first five pairs", () => pairs >= 5, 60_000);
  const seen: number[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await createBackup(t.db, { dir, appVersion: "test", now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
    const backup = await readBackup(result.file);
    const rows = backup.tables.find((x) => x.name === "audit_log")!.rows.map((r) => JSON.parse(r) as { entity_id: string });
    const perPair = new Map<string, number>();
    for (const r of rows) perPair.set(r.entity_id, (perPair.get(r.entity_id) ?? 0) + 1);
    expect([...perPair.values()].every((n) => n === 2)).toBe(true);
    seen.push(perPair.size);
  }
  stop = true;
  await writer;
  // The writer went on between backups: later backups hold more pairs.
  expect(pairs).toBeGreaterThan(seen[0]!);
});
