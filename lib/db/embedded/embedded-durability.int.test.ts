import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, expect, it, vi } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";

// The embedded database on disk survives a power cut: a commit's WAL is fsync'd before the client hears of it, and a
// clean stop leaves the data folder shut down (nothing to recover). PGlite alone runs with fsync off and no fsync.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-durable-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** What the fd names, as /proc tells (Linux). */
const pathOf = (fd: number) => {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return `fd ${fd}`;
  }
};

/** pg_control's `state` (after the system identifier and two version numbers); 1 is DB_SHUTDOWNED. */
const controlState = (pgdata: string) => fs.readFileSync(path.join(pgdata, "global", "pg_control")).readInt32LE(16);

it("fsyncs the WAL at each commit before answering, and a clean stop leaves the data folder shut down", { timeout: 120_000 }, async () => {
  const pgdata = path.join(dataDir, "pgdata");
  const embedded = await startEmbeddedPostgres({ dataDir: pgdata });
  const synced: string[] = [];
  const fsyncSync = fs.fsyncSync;
  const spy = vi.spyOn(fs, "fsyncSync").mockImplementation((fd) => {
    synced.push(pathOf(fd));
    fsyncSync(fd);
  });
  const sql = postgres(embedded.url, { max: 1, onnotice: () => {} });
  try {
    await sql`create table kept (note text)`;
    synced.length = 0;
    await sql`insert into kept values ('on disk')`;
    expect(synced.some((file) => file.includes(`${path.sep}pg_wal${path.sep}`))).toBe(true);
    expect((await sql`show fsync`)[0]!.fsync).toBe("on");
  } finally {
    await sql.end({ timeout: 1 });
    await embedded.stop();
    spy.mockRestore();
  }
  expect(controlState(pgdata)).toBe(1);

  // … and opens again with the row.
  const again = await startEmbeddedPostgres({ dataDir: pgdata });
  const check = postgres(again.url, { max: 1, onnotice: () => {} });
  try {
    expect((await check`select note from kept`).map((row) => row.note)).toEqual(["on disk"]);
  } finally {
    await check.end({ timeout: 1 });
    await again.stop();
  }
});
