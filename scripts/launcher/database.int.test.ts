import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { createDb } from "@/lib/db/client";
import { PREPARING_DIR, openDatabase, prepareOpened } from "./database";

/** Every file under `dir` not 0600 and every folder not 0700, with its mode. */
function looseModes(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    const mode = fs.statSync(full).mode & 0o777;
    return mode === (entry.isDirectory() ? 0o700 : 0o600) ? [] : [`${full} ${mode.toString(8)}`];
  });
}

// The launcher starts the web server before the preparation only on a database already at this version.
describe("openDatabase: may the web server boot before the preparation?", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("yes on a fresh install (prepared in a child first), yes on a restart, no when a migration is pending", { timeout: 300_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "launcher-db-"));
    dirs.push(dataDir);

    // What a fresh install stopped half-way left: started over, not opened.
    fs.mkdirSync(path.join(dataDir, PREPARING_DIR), { recursive: true });
    fs.writeFileSync(path.join(dataDir, PREPARING_DIR, "PG_VERSION"), "half-made");
    // And a pgdata that is no database (no PG_VERSION): kept aside, not deleted, not in the way.
    fs.mkdirSync(path.join(dataDir, "pgdata"));
    fs.writeFileSync(path.join(dataDir, "pgdata", "notes.txt"), "the admin's");
    // A fresh install is created, migrated and seeded by a child process before this process opens it.
    const umask = process.umask(0o077); // as npm start sets it (closeDataDir)
    const fresh = await openDatabase({ databaseUrl: undefined, dataDir, embeddedPort: 0, demoPassword: "child-demo-password" }).finally(() =>
      process.umask(umask),
    );
    expect(fresh.upToDate).toBe(true);
    // Private already when opened: initdb sets its files 0666 whatever the umask (pg_internal.init, rewritten 0644 at
    // each open, waits for the mend once the web server answers; DATA_DIR is 0700 meanwhile).
    expect(looseModes(path.join(dataDir, "pgdata")).filter((entry) => !entry.includes("pg_internal.init"))).toEqual([]);
    expect(fresh.preparedInChild?.seededNow).toBe(true);
    expect(fs.existsSync(path.join(dataDir, PREPARING_DIR))).toBe(false);
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith("pgdata.incomplete-"));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, aside[0]!, "notes.txt"), "utf8")).toBe("the admin's");
    const prepared = await prepareOpened(fresh, { dataDir, demoPassword: undefined });
    expect(prepared.seededNow).toBe(true);
    expect(prepared.demo?.password).toBe("child-demo-password");
    const seeded = createDb(prepared.url, { max: 1 });
    const [row] = (await seeded.db.execute(sql`select count(*)::int as people from people`)) as unknown as { people: number }[];
    expect(row?.people).toBeGreaterThan(0);
    // Analyzed after the seed (PGlite has no autovacuum): the planner knows the rows (never analyzed: reltuples -1).
    const [stats] = (await seeded.db.execute(sql`select reltuples::int as n from pg_class where oid = 'people'::regclass`)) as unknown as { n: number }[];
    expect(stats?.n).toBe(row?.people);
    await seeded.close();
    await prepared.embedded?.stop();

    const restart = await openDatabase({ databaseUrl: undefined, dataDir, embeddedPort: 0 });
    expect(restart.upToDate).toBe(true);
    expect(restart.preparedInChild).toBeUndefined();

    // The last migration forgotten, as after an upgrade that brings a new one.
    const handle = createDb(restart.url, { max: 1 });
    await handle.db.execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
    await handle.close();
    await restart.embedded?.stop();

    const upgrade = await openDatabase({ databaseUrl: undefined, dataDir, embeddedPort: 0 });
    expect(upgrade.upToDate).toBe(false);
    await upgrade.embedded?.stop();
  });

  it("stopping during a fresh install's preparation stops the child before answering, and the next start prepares again", { timeout: 300_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "launcher-db-stop-"));
    dirs.push(dataDir);
    const stop = new AbortController();
    const open = openDatabase({ databaseUrl: undefined, dataDir, embeddedPort: 0, signal: stop.signal });
    const failed = expect(open).rejects.toThrow(/Stopped while the embedded database was being prepared/);
    await vi.waitFor(() => expect(fs.existsSync(path.join(dataDir, PREPARING_DIR))).toBe(true), { timeout: 120_000, interval: 50 });
    stop.abort();
    await failed;
    // The child has exited by then (the launcher releases DATA_DIR's lock only after this): no process names the dir.
    expect(() => execFileSync("pgrep", ["-f", dataDir])).toThrow();
    expect(fs.existsSync(path.join(dataDir, "pgdata"))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, PREPARING_DIR))).toBe(false);

    const again = await openDatabase({ databaseUrl: undefined, dataDir, embeddedPort: 0 });
    expect(again.upToDate).toBe(true);
    expect(again.preparedInChild?.seededNow).toBe(true);
    await again.embedded?.stop();
  });
});
