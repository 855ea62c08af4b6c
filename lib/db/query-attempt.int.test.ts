import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "@/lib/testing/wait-for";
import { createDb, type Db, type DbHandle } from "./client";
import { QueryAttempt } from "./query-attempt";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy";

// Work given up on (a QueryAttempt) against a real database: PGlite over the wire server, or PostgreSQL at DATABASE_URL.
let t: TestDatabase;
/** One connection each: a transaction that stalled would hold it and every later query here would wait for good; and
 * another caller's work can only run on the connection the given-up work used. */
let direct: DbHandle;
let proxied: DbHandle;
/** Between proxied and the database: holds CancelRequests (a cancel slow to arrive). */
let proxy: TcpProxy;
let other: postgres.Sql;

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
async function hold(table = "attempt_items"): Promise<() => Promise<void>> {
  const tx = await other.reserve();
  await tx`begin`;
  await tx.unsafe(`lock table ${table} in exclusive mode`);
  return async () => {
    await tx`commit`;
    tx.release();
  };
}

/** Runs `body` while another client holds attempt_items; lets go however it ends. */
async function whileHeld(body: () => Promise<void>): Promise<void> {
  const release = await hold();
  try {
    await body();
  } finally {
    await release();
  }
}

/** What became of the work: "committed", or the SQLSTATE it failed with. */
const outcome = (work: Promise<unknown>) =>
  work.then(
    () => "committed",
    (error: unknown) => {
      for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code) return e.code;
      return String(error);
    },
  );

/** An attempt that tells when a transaction of its work waits for its cancels to be answered (before it rolls back). */
class WatchedAttempt extends QueryAttempt {
  waited = false;
  override answered(): Promise<boolean> {
    this.waited = true;
    return super.answered();
  }
}

/** Work run as an attempt that may be given up on, and what became of it. */
function attempted(work: (db: Db, attempt: WatchedAttempt) => Promise<unknown>, handle = direct, attempt = new WatchedAttempt()) {
  return { attempt, outcome: outcome(attempt.run(() => work(handle.db, attempt))) };
}

/** An attempt's transaction that inserts `first`, stops until let go, then inserts `then` if given. */
function pausedTransaction(first: number, then?: number) {
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

const blocked = () => waitFor("a statement waiting for the other client", async () => (await t.blocked()) > 0);
const rows = async (table = "attempt_items") => (await t.db.execute<{ id: number }>(sql`select id from ${sql.raw(table)} order by id`)).map((r) => r.id);
const insert = (db: Db, id: number, table = "attempt_items") => db.execute(sql`insert into ${sql.raw(table)} values (${id})`);

describe("work given up on", () => {
  it("has the statement it runs cancelled: it ends while the other client still holds the table, and rolls back", async () => {
    await whileHeld(async () => {
      const { attempt, outcome } = attempted((db) => db.transaction(async (tx) => void (await insert(tx, 1))));
      await blocked();
      expect(attempt.giveUp()).toBe(1);
      // Settled before the other client let go: only a cancel ends a statement that waits for it.
      expect(await outcome).toBe("57014");
    });
    expect(await rows()).toEqual([]);
  });

  it("with a statement not sent yet behind the one it runs (pipelined): the transaction still ends, the connection is free", async () => {
    await whileHeld(async () => {
      const { attempt, outcome } = attempted((db) => db.transaction(async (tx) => void (await Promise.all([insert(tx, 2), insert(tx, 3)]))));
      await blocked();
      // One cancel for its connection: postgres.js's cancel of one not sent yet would stall the transaction for good,
      // and a second CancelRequest could arrive after the ROLLBACK, when the connection runs someone else's statement.
      expect(attempt.giveUp()).toBe(1);
      expect(await outcome).toBe("57014");
    });
    expect(await rows()).toEqual([]);
    await direct.db.execute(sql`select 1`);
  });

  it("with the statement its transaction runs cancelled (57014): the connection it used is handed on clean", async () => {
    const before = await direct.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
    await whileHeld(async () => {
      const { attempt, outcome } = attempted((db) =>
        db.transaction(async (tx) => {
          // Session state set inside the transaction: its ROLLBACK must undo it too.
          await tx.execute(sql`select set_config('application_name', 'given-up', false)`);
          await insert(tx, 40);
        }),
      );
      await blocked();
      expect(attempt.giveUp()).toBe(1);
      expect(await outcome).toBe("57014");
    });
    // The one connection of `direct`, reused: not in the aborted transaction (its statements would fail 25P02), not in
    // an open one (another client would not see the next write), and without the transaction's settings.
    const after = await direct.db.execute<{ pid: number; name: string }>(sql`select pg_backend_pid() as pid, current_setting('application_name') as name`);
    expect(after[0]!.pid).toBe(before[0]!.pid); // PostgreSQL: the same backend, not a new connection (PGlite has one)
    expect(after[0]!.name).not.toBe("given-up");
    await insert(direct.db, 41);
    expect(await rows()).toEqual([41]);
    expect(await outcome(direct.db.transaction(async (tx) => void (await insert(tx, 42))))).toBe("committed");
    expect(await rows()).toEqual([41, 42]);
  });

  it("between two statements of its transaction: the next one is refused and it rolls back, never commits late", async () => {
    const paused = pausedTransaction(4, 5);
    await paused.atGate;
    expect(paused.attempt.giveUp()).toBe(0); // nothing runs now
    paused.letGo();
    expect(await paused.outcome).toBe("57014");
    expect(await rows()).toEqual([]);
    await direct.db.execute(sql`select 1`);
  });

  it("after its last statement: it rolls back instead of its commit", async () => {
    const paused = pausedTransaction(6);
    await paused.atGate;
    paused.attempt.giveUp();
    paused.letGo();
    expect(await paused.outcome).toBe("57014");
    expect(await rows()).toEqual([]);
  });

  it("a statement outside a transaction shares its connection, so it is not cancelled: it runs to its end, the next is refused", async () => {
    let result!: Promise<string>;
    await whileHeld(async () => {
      const { attempt, outcome } = attempted(async (db) => {
        await insert(db, 20);
        await insert(db, 21);
      });
      result = outcome;
      await blocked();
      expect(attempt.giveUp()).toBe(0);
    });
    expect(await result).toBe("57014");
    expect(await rows()).toEqual([20]);
  });

  it("keeps its connection until its cancel is answered: a cancel slow to arrive never stops the next caller's statement", async () => {
    // Machine A's write is given up on while it waits; its cancel is on its way (held) when the database lets it go on.
    const release = await hold();
    const a = attempted((db) => db.transaction(async (tx) => void (await insert(tx, 30))), proxied);
    await blocked();
    proxy.holdCancels();
    expect(a.attempt.giveUp()).toBe(1);
    await waitFor("the cancel to reach the proxy", () => proxy.heldCancels() === 1);
    await release();
    let settled = false;
    void a.outcome.then(() => (settled = true));
    await waitFor("the attempt to roll back or wait for its cancel", () => settled || a.attempt.waited);
    // Had A rolled back at once (postgres.js alone), its connection would be the next caller's now, and the cancel
    // would stop whatever that runs when it arrives: machine B's write, made to wait for another client meanwhile.
    const releaseB = settled ? await hold("other_items") : null;
    const b = outcome(proxied.db.transaction(async (tx) => void (await insert(tx, 1, "other_items"))));
    if (releaseB) await blocked();
    await proxy.releaseCancels();
    await releaseB?.();
    expect(await b).toBe("committed");
    expect(await a.outcome).toBe("57014");
    expect(await rows()).toEqual([]);
    expect(await rows("other_items")).toEqual([1]);
  });

  // A statement the work sent without awaiting it may still run when the work has ended: its transaction's ROLLBACK
  // or COMMIT follows it and hands the connection on once answered. A cancel for it sent after the work ended —
  // deferred until it was sent, or by a caller giving up then — would be waited for by nobody: held on its way, it
  // stops the next caller's statement. Such a statement runs to its end instead.
  it.each([
    {
      ended: "failed its next check (given up before its unawaited statement was sent)",
      work: (db: Db, attempt: QueryAttempt) =>
        db.transaction(async (tx) => {
          void insert(tx, 40).catch(() => {});
          attempt.giveUp();
          await insert(tx, 41);
        }),
      expected: "57014",
      left: [],
    },
    {
      ended: "threw (given up while its unawaited statement ran)",
      work: (db: Db, attempt: QueryAttempt) =>
        db.transaction(async (tx) => {
          void insert(tx, 40).catch(() => {});
          // The caller's timer fires after the work ended, while the statement runs (its answer needs I/O).
          setImmediate(() => attempt.giveUp());
          throw new Error("refused");
        }),
      expected: "Error: refused",
      left: [],
    },
    {
      ended: "returned (given up while its unawaited statement ran, its COMMIT on its way)",
      work: (db: Db, attempt: QueryAttempt) =>
        db.transaction(async (tx) => {
          void insert(tx, 40).catch(() => {});
          setImmediate(() => attempt.giveUp());
        }),
      expected: "committed",
      left: [40],
    },
  ])("when its work $ended, no cancel reaches the connection once the next caller has it", async ({ work, expected, left }) => {
    proxy.holdCancels();
    const a = attempted(work, proxied);
    expect(await a.outcome).toBe(expected);
    // A's transaction ended (its statement was not cancelled) and the connection is the next caller's: B's write, made
    // to wait for another client, would be stopped by a cancel of A's still on its way.
    const releaseB = await hold("other_items");
    const b = outcome(proxied.db.transaction(async (tx) => void (await insert(tx, 1, "other_items"))));
    await blocked();
    await proxy.releaseCancels();
    await releaseB();
    expect(await b).toBe("committed");
    expect(await rows()).toEqual(left);
    expect(await rows("other_items")).toEqual([1]);
  });

  it("changes nothing for work not given up on, nor for queries outside any attempt", async () => {
    const { attempt, outcome } = attempted((db) => db.transaction(async (tx) => void (await insert(tx, 7))));
    expect(await outcome).toBe("committed");
    expect(attempt.giveUp()).toBe(0); // done: nothing to give up
    await insert(direct.db, 8);
    expect(await rows()).toEqual([7, 8]);
  });

  it("waits for a cancel no longer than its bound, then closes its connection: a cancel still on its way stops nobody's statement", async () => {
    const release = await hold();
    const a = attempted((db) => db.transaction(async (tx) => void (await insert(tx, 50))), proxied, new WatchedAttempt({ cancelAnswerMs: 50 }));
    await blocked();
    proxy.holdCancels();
    expect(a.attempt.giveUp()).toBe(1);
    await waitFor("the cancel to reach the proxy", () => proxy.heldCancels() === 1);
    // The statement ends by itself; its cancel stays held (the proxied client never times it out itself).
    await release();
    expect(await a.outcome).toBe("57014");
    expect(proxy.heldCancels()).toBe(1);
    // The next caller (machine B's write, made to wait for another client) when A's cancel arrives at last: rolled
    // back and handed on, A's connection would be B's, and the cancel would stop B's write.
    const releaseB = await hold("other_items");
    const b = outcome(proxied.db.transaction(async (tx) => void (await insert(tx, 51, "other_items"))));
    await blocked();
    await proxy.releaseCancels();
    await releaseB();
    expect(await b).toBe("committed");
    expect(await rows()).toEqual([]);
    expect(await rows("other_items")).toEqual([51]);
  });
});
