import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attempted, blocked, direct, insert, outcome, pausedTransaction, rows, whileHeld } from "./query-attempt.harness";

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

  it("changes nothing for work not given up on, nor for queries outside any attempt", async () => {
    const { attempt, outcome } = attempted((db) => db.transaction(async (tx) => void (await insert(tx, 7))));
    expect(await outcome).toBe("committed");
    expect(attempt.giveUp()).toBe(0); // done: nothing to give up
    await insert(direct.db, 8);
    expect(await rows()).toEqual([7, 8]);
  });
});
