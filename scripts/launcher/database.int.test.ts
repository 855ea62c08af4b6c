import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDb } from "@/lib/db/client";
import { openDatabase, prepareOpened } from "./database";

// The launcher starts the web server before the preparation only on a database already at this version.
describe("openDatabase: may the web server boot before the preparation?", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("no on a fresh install, yes on a restart, no again when a migration is pending", { timeout: 300_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "launcher-db-"));
    dirs.push(dataDir);

    const fresh = await openDatabase({ databaseUrl: undefined, dataDir, embeddedPort: 0 });
    expect(fresh.upToDate).toBe(false);
    const prepared = await prepareOpened(fresh, { dataDir, demoPassword: undefined });
    await prepared.embedded?.stop();

    const restart = await openDatabase({ databaseUrl: undefined, dataDir, embeddedPort: 0 });
    expect(restart.upToDate).toBe(true);

    // The last migration forgotten, as after an upgrade that brings a new one.
    const handle = createDb(restart.url, { max: 1 });
    await handle.db.execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
    await handle.close();
    await restart.embedded?.stop();

    const upgrade = await openDatabase({ databaseUrl: undefined, dataDir, embeddedPort: 0 });
    expect(upgrade.upToDate).toBe(false);
    await upgrade.embedded?.stop();
  });
});
