import { describe, expect, it } from "vitest";
import { waitFor } from "@/lib/testing/wait-for";
import type { Db } from "./client";
import type { QueryAttempt } from "./query-attempt";
import { attempted, blocked, hold, insert, outcome, proxied, proxy, rows, WatchedAttempt } from "./query-attempt.harness";

// Work given up on whose cancel is slow to arrive (held by the proxy): the next caller's statement is never stopped.
describe("work given up on, its cancel slow to arrive", () => {
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
