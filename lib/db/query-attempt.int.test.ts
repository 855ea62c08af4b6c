import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "./client";
import { QueryAttempt } from "./query-attempt";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

// Work given up on (a QueryAttempt) against a real database: PGlite over the wire server, or PostgreSQL at DATABASE_URL.
let t: TestDatabase;
let handle: DbHandle;
let other: postgres.Sql;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`create table attempt_items (id int primary key)`);
  // One connection: a transaction that stalled would hold it, and every later query here would wait for good.
  handle = createDb(t.url, { max: 1 });
  await handle.db.execute(sql`select 1`);
  other = postgres(t.url, { max: 1, onnotice: () => {} });
}, 120_000);
afterAll(async () => {
  await other.end({ timeout: 1 });
  await handle.close();
  await t.close();
});

/** Another client holds attempt_items (PostgreSQL: its lock; the embedded database: the one session) until released. */
async function hold(): Promise<() => Promise<void>> {
  const tx = await other.reserve();
  await tx`begin`;
  await tx`lock table attempt_items in exclusive mode`;
  return async () => {
    await tx`commit`;
    tx.release();
  };
}

const until = async (condition: () => Promise<boolean>) => {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 10));
};
/** What became of the work: "committed", or the SQLSTATE it failed with. */
const outcome = (work: Promise<unknown>) =>
  work.then(
    () => "committed",
    (error: unknown) => {
      for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code) return e.code;
      return String(error);
    },
  );
const rows = async () => (await t.db.execute<{ id: number }>(sql`select id from attempt_items order by id`)).map((r) => r.id);
const insert = (db: DbHandle["db"], id: number) => db.execute(sql`insert into attempt_items values (${id})`);

describe("work given up on", () => {
  it("has the statement it runs cancelled: it ends while the other client still holds the table, and rolls back", async () => {
    const release = await hold();
    try {
      const attempt = new QueryAttempt();
      const work = outcome(attempt.run(() => handle.db.transaction(async (tx) => void (await insert(tx, 1)))));
      await until(async () => (await t.blocked()) > 0);
      expect(attempt.giveUp()).toBe(1);
      // Settled before the other client let go: only a cancel ends a statement that waits for it.
      expect(await work).toBe("57014");
    } finally {
      await release();
    }
    expect(await rows()).toEqual([]);
  });

  it("with a statement not sent yet behind the one it runs (pipelined): the transaction still ends, the connection is free", async () => {
    const release = await hold();
    try {
      const attempt = new QueryAttempt();
      const work = outcome(attempt.run(() => handle.db.transaction(async (tx) => void (await Promise.all([insert(tx, 2), insert(tx, 3)])))));
      await until(async () => (await t.blocked()) > 0);
      // Only the statement that runs: postgres.js's cancel of one not sent yet would stall the transaction for good.
      expect(attempt.giveUp()).toBe(1);
      expect(await work).toBe("57014");
    } finally {
      await release();
    }
    expect(await rows()).toEqual([]);
    await handle.db.execute(sql`select 1`);
  });

  it("between two statements of its transaction: the next one is refused and it rolls back, never commits late", async () => {
    let reached!: () => void;
    const atGate = new Promise<void>((r) => (reached = r));
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const attempt = new QueryAttempt();
    const work = outcome(
      attempt.run(() =>
        handle.db.transaction(async (tx) => {
          await insert(tx, 4);
          reached();
          await gate;
          await insert(tx, 5);
        }),
      ),
    );
    await atGate;
    expect(attempt.giveUp()).toBe(0); // nothing runs now
    open();
    expect(await work).toBe("57014");
    expect(await rows()).toEqual([]);
    await handle.db.execute(sql`select 1`);
  });

  it("after its last statement: it rolls back instead of its commit", async () => {
    let reached!: () => void;
    const atGate = new Promise<void>((r) => (reached = r));
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const attempt = new QueryAttempt();
    const work = outcome(
      attempt.run(() =>
        handle.db.transaction(async (tx) => {
          await insert(tx, 6);
          reached();
          await gate;
        }),
      ),
    );
    await atGate;
    attempt.giveUp();
    open();
    expect(await work).toBe("57014");
    expect(await rows()).toEqual([]);
  });

  it("changes nothing for work not given up on, nor for queries outside any attempt", async () => {
    const attempt = new QueryAttempt();
    expect(await outcome(attempt.run(() => handle.db.transaction(async (tx) => void (await insert(tx, 7)))))).toBe("committed");
    expect(attempt.giveUp()).toBe(0); // done: nothing to give up
    await insert(handle.db, 8);
    expect(await rows()).toEqual([7, 8]);
  });
});
