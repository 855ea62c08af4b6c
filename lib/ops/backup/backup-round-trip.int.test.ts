import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { createDemoDatabase } from "@/lib/db/testing/demo-database";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { createBackup } from "./create-backup";
import { ident, publicSequences, publicTables } from "./database-layout";
import { readBackup } from "./read-backup";
import { restoreBackup, tableCounts } from "./restore-backup";

let source: TestDatabase;
let target: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-backup-"));

beforeAll(async () => {
  [source, target] = await Promise.all([createDemoDatabase({ password: "round-trip-password" }), createTestDatabase()]);
  await recordAudit(source.db, {
    actorId: null,
    changeType: "settings.update",
    entity: "test",
    after: { text: "Grüße 'quoted' \"double\" \\ back\nslash", n: 1.25 },
  });
  fs.mkdirSync(path.join(dir, "uploads", "logos"), { recursive: true });
  fs.writeFileSync(path.join(dir, "uploads", "logos", "logo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
});
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function sample(db: TestDatabase["db"]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await publicTables(db)) {
    const rows = await db.execute<{ j: string }>(sql.raw(`select row_to_json(t)::text as j from ${ident(table)} t order by 1 limit 20`));
    out[table] = rows.map((r) => r.j);
  }
  return out;
}

async function sequenceValues(db: TestDatabase["db"]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await publicSequences(db)) {
    const [row] = await db.execute<{ v: string }>(sql.raw(`select last_value::text || ':' || is_called::text as v from ${ident(name)}`));
    out[name] = row!.v;
  }
  return out;
}

async function auditChecksum(db: TestDatabase["db"]): Promise<string> {
  const [row] = await db.execute<{ h: string }>(sql`select md5(string_agg(row_to_json(t)::text, ',' order by id)) as h from audit_log t`);
  return row!.h;
}

describe("backup and restore", () => {
  it("round-trips every table, the sequences and the uploaded files", { timeout: 120_000 }, async () => {
    const result = await createBackup(source.db, { dir: path.join(dir, "backups"), uploadsDir: path.join(dir, "uploads"), appVersion: "test" });
    expect(fs.existsSync(result.file)).toBe(true);
    expect(result.tables.people).toBeGreaterThan(0);
    expect(result.files).toBe(1);

    const restoredUploads = path.join(dir, "restored-uploads");
    await restoreBackup(target.db, result.file, { uploadsDir: restoredUploads });

    expect(await tableCounts(target.db)).toEqual(await tableCounts(source.db));
    expect(await sample(target.db)).toEqual(await sample(source.db));
    expect(await sequenceValues(target.db)).toEqual(await sequenceValues(source.db));
    expect(fs.readFileSync(path.join(restoredUploads, "logos", "logo.png"))).toEqual(fs.readFileSync(path.join(dir, "uploads", "logos", "logo.png")));
    // Analyzed after the load: the planner knows the restored rows (never analyzed: reltuples -1).
    const [people] = await target.db.execute<{ n: number }>(sql`select reltuples::int as n from pg_class where oid = 'people'::regclass`);
    expect(people!.n).toBeGreaterThan(0);
  });

  it("refuses a non-empty database unless forced, and then replaces its data", { timeout: 120_000 }, async () => {
    const result = await createBackup(source.db, { dir: path.join(dir, "backups"), appVersion: "test", now: new Date(Date.UTC(2026, 0, 2)) });
    await expect(restoreBackup(target.db, result.file)).rejects.toThrow(/not empty/);
    await recordAudit(target.db, { actorId: null, changeType: "settings.logo", entity: "test" });
    await restoreBackup(target.db, result.file, { force: true });
    expect(await tableCounts(target.db)).toEqual(await tableCounts(source.db));
  });

  it("streams tables of several batches each way, and leaves the database as it was when the file's end is damaged", { timeout: 120_000 }, async () => {
    // 1,234 audit rows: several cursor fetches of 100 on the way out, three row batches of 500 on the way in.
    await source.db.execute(
      sql`insert into audit_log (change_type, entity, entity_id, after) select 'settings.update', 'batch', g::text, jsonb_build_object('i', g, 'text', 'Grüße ' || g) from generate_series(1, 1234) g`,
    );
    const result = await createBackup(source.db, { dir: path.join(dir, "backups"), appVersion: "test", now: new Date(Date.UTC(2026, 0, 4)), fetchRows: 100 });
    expect(result.tables.audit_log).toBeGreaterThan(1_234);
    expect((await readBackup(result.file)).tables.find((t) => t.name === "audit_log")!.rows).toHaveLength(result.tables.audit_log!);
    await restoreBackup(target.db, result.file, { force: true });
    expect(await tableCounts(target.db)).toEqual(await tableCounts(source.db));
    expect(await auditChecksum(target.db)).toBe(await auditChecksum(source.db));

    // The same file with its checksum broken near the end: every row was inserted before that is found out.
    const text = gunzipSync(fs.readFileSync(result.file)).toString("utf8").trimEnd().split("\n");
    text[text.length - 2] = text.at(-2)!.replace(/"value":"(\d+)"/, (_m, v: string) => `"value":"${Number(v) + 1}"`);
    const damaged = path.join(dir, "damaged-end.msbackup.gz");
    fs.writeFileSync(damaged, gzipSync(`${text.join("\n")}\n`));
    await recordAudit(target.db, { actorId: null, changeType: "settings.logo", entity: "kept" });
    const before = await tableCounts(target.db);
    await expect(restoreBackup(target.db, damaged, { force: true })).rejects.toThrow(/checksum/);
    expect(await tableCounts(target.db)).toEqual(before);
  });

  it("rejects corrupt, truncated and foreign files with a clear message, leaving the database untouched", async () => {
    const good = await createBackup(source.db, { dir: path.join(dir, "backups"), appVersion: "test", now: new Date(Date.UTC(2026, 0, 3)) });
    const bytes = fs.readFileSync(good.file);
    const write = (name: string, data: Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, data);
      return file;
    };
    const text = gunzipSync(bytes).toString("utf8");
    const lines = text.trimEnd().split("\n");
    await expect(readBackup(write("garbage.gz", Buffer.from("hello, not a backup")))).rejects.toThrow(/not a readable backup/);
    await expect(readBackup(write("foreign.gz", gzipSync('{"some":"json"}\n')))).rejects.toThrow(/not a makerspace backup/);
    await expect(readBackup(write("cut.gz", gzipSync(lines.slice(0, -3).join("\n") + "\n")))).rejects.toThrow(/incomplete/);
    await expect(readBackup(write("tampered.gz", gzipSync(text.replace("Grüße", "Gruesse"))))).rejects.toThrow(/checksum/);
    await expect(readBackup(write("half.gz", bytes.subarray(0, Math.floor(bytes.length / 2))))).rejects.toThrow(/not a readable backup|incomplete/);
    await expect(readBackup(path.join(dir, "missing.gz"))).rejects.toThrow(/no file/);
  });

  it("says clearly when the backup folder is not writable", async () => {
    const blocked = path.join(dir, "a-file");
    fs.writeFileSync(blocked, "x");
    await expect(createBackup(source.db, { dir: path.join(blocked, "backups"), appVersion: "test" })).rejects.toThrow(/not writable/);
  });
});
