import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { waitFor } from "@/lib/testing/wait-for";
import { createDb, type Db, type DbHandle } from "./client";
import { QueryAttempt } from "./query-attempt";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy";

/*
 * The harness of the QueryAttempt tests (lib/db/query-attempt*.int.test.ts): import it in a test file and its hooks
 * set up, per file, the database, the two one-connection handles, the proxy and the other client.
 */
// Work given up on (a QueryAttempt) against a real database: PGlite over the wire server, or PostgreSQL at DATABASE_URL.
export let t: TestDatabase;
/** One connection each: a transaction that stalled would hold it and every later query here would wait for good; and
 * another caller's work can only run on the connection the given-up work used. */
export let direct: DbHandle;
export let proxied: DbHandle;
/** Between proxied and the database: holds CancelRequests (a cancel slow to arrive). */
export let proxy: TcpProxy;
export let other: postgres.Sql;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`create table attempt_items (id int primary key)`);
  await t.db.execute(sql`create table other_items (id int primary key)`);
  proxy = await startTcpProxy(Number(new URL(t.url).port));
  const url = new URL(t.url);
  url.port = String(proxy.port);
  direct = createDb(t.url, { max: 1 });
  // No connect timeout: postgres.js would otherwise close a held cancel's own connection after it, and only the
  // attempt's bound is to end a wait for a cancel never answered.
  proxied = createDb(url.toString(), { max: 1, connectTimeoutSeconds: 0 });
  // Connected: a connection's first query cannot be cancelled (query-attempt.ts).
  await Promise.all([direct.db.execute(sql`select 1`), proxied.db.execute(sql`select 1`)]);
  other = postgres(t.url, { max: 2, onnotice: () => {} });
}, 120_000);
afterAll(async () => {
  await other.end({ timeout: 1 });
  await direct.close();
  await proxied.close();
  await proxy.close();
  await t.close();
});

beforeEach(async () => {
  await t.db.execute(sql`delete from attempt_items`);
  await t.db.execute(sql`delete from other_items`);
});
afterEach(() => proxy.releaseCancels());

/** Another client holds the table (PostgreSQL: its lock; the embedded database: the one session) until released. */
export async function hold(table = "attempt_items"): Promise<() => Promise<void>> {
  const tx = await other.reserve();
  await tx`begin`;
  await tx.unsafe(`lock table ${table} in exclusive mode`);
  return async () => {
    await tx`commit`;
    tx.release();
  };
}

/** Runs `body` while another client holds attempt_items; lets go however it ends. */
export async function whileHeld(body: () => Promise<void>): Promise<void> {
  const release = await hold();
  try {
    await body();
  } finally {
    await release();
  }
}

/** What became of the work: "committed", or the SQLSTATE it failed with. */
export const outcome = (work: Promise<unknown>) =>
  work.then(
    () => "committed",
    (error: unknown) => {
      for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code) return e.code;
      return String(error);
    },
  );

/** An attempt that tells when a transaction of its work waits for its cancels to be answered (before it rolls back). */
export class WatchedAttempt extends QueryAttempt {
  waited = false;
  override answered(): Promise<boolean> {
    this.waited = true;
    return super.answered();
  }
}

/** Work run as an attempt that may be given up on, and what became of it. */
export function attempted(work: (db: Db, attempt: WatchedAttempt) => Promise<unknown>, handle = direct, attempt = new WatchedAttempt()) {
  return { attempt, outcome: outcome(attempt.run(() => work(handle.db, attempt))) };
}

/** An attempt's transaction that inserts `first`, stops until let go, then inserts `then` if given. */
export function pausedTransaction(first: number, then?: number) {
  let reached!: () => void;
  const atGate = new Promise<void>((r) => (reached = r));
  let letGo!: () => void;
  const gate = new Promise<void>((r) => (letGo = r));
  const work = attempted((db) =>
    db.transaction(async (tx) => {
      await insert(tx, first);
      reached();
      await gate;
      if (then !== undefined) await insert(tx, then);
    }),
  );
  return { ...work, atGate, letGo };
}

export const blocked = () => waitFor("a statement waiting for the other client", async () => (await t.blocked()) > 0);
export const rows = async (table = "attempt_items") => (await t.db.execute<{ id: number }>(sql`select id from ${sql.raw(table)} order by id`)).map((r) => r.id);
export const insert = (db: Db, id: number, table = "attempt_items") => db.execute(sql`insert into ${sql.raw(table)} values (${id})`);
