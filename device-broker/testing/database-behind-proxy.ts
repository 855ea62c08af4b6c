import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { startDatabaseProxy, type TcpProxy } from "./tcp-proxy";

export interface DatabaseBehindProxy {
  /** The demo database; the test's own direct line to it (`t.db`), never slowed or cut. */
  t: DemoDatabase;
  /** Between the code under test and the database: slow, cut, hang, restore. */
  proxy: TcpProxy;
  /** The database through the proxy: what the broker or the spool under test is given. */
  viaProxy: DbHandle;
  /** A fresh directory (a broker's DATA_DIR, a spool's), removed after the file's tests. */
  dataDir: string;
}

/**
 * A test file's demo database behind a proxy it can slow or cut, opened before the file's tests and closed after
 * them (the proxy restored first, so nothing waits on a cut line); the object is filled in by then. A file's own
 * afterAll (its broker) runs before this one's: Vitest runs after-hooks in reverse.
 */
export function demoDatabaseBehindProxy(name: string, options: { connectTimeoutSeconds?: number } = {}): DatabaseBehindProxy {
  const made = {} as DatabaseBehindProxy;
  beforeAll(async () => {
    made.t = await createDemoDatabase();
    const proxy = await startDatabaseProxy(made.t.url);
    made.proxy = proxy;
    made.viaProxy = createDb(proxy.url, { max: 5, ...options });
    made.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  });
  afterAll(async () => {
    await made.proxy?.restore().catch(() => {});
    await made.viaProxy?.close();
    await made.proxy?.close();
    await made.t?.close();
    if (made.dataDir) fs.rmSync(made.dataDir, { recursive: true, force: true });
  });
  return made;
}
