import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { machines } from "@/lib/db/schema";
import { startSessionHoldsDatabase, type SessionHoldsDatabase } from "@/lib/db/testing/session-holds";
import { claimPendingCommands } from "@/lib/domain/usage/machine-commands";
import { applyEvent, type SpoolEvent } from "./spool/events";

// How long the broker's routine work keeps the embedded database's one session from everyone else, in round trips
// (a hold's batches): on a busy box each round trip costs tens of ms, and every other client waits through them.
// Embedded only (the hold report is the wire server's).
let broker: SessionHoldsDatabase;

beforeAll(async () => {
  broker = await startSessionHoldsDatabase({ fromDump: true, prepare: ensureReferenceData });
}, 120_000);
afterAll(async () => {
  await broker?.close();
});

describe.skipIf(process.env.TEST_PG_TEMPLATE_URL)("the broker's hold on the embedded database's session", () => {
  it("polls remote commands in one statement (every 500 ms), not a six-round-trip transaction", async () => {
    const mine = await broker.holdsOf(() => claimPendingCommands(broker.db, "test-instance"));
    // One hold: the statement described, then run (a transaction was begin, two statements described and run, commit).
    expect(mine.map((h) => h.batches)).toEqual([2]);
    expect(mine[0]!.statements[0]).toMatch(/^with expired as/);
  });

  it("records a board's live start, heartbeat, stop and alive in 6, 5, 6 and 5 round trips (were 17, 13, 19 and 11)", async () => {
    const [laser] = await broker.db.select({ id: machines.id }).from(machines).where(eq(machines.boardId, 1));
    let at = Date.UTC(2026, 3, 1, 8);
    const event = (e: Partial<SpoolEvent>) =>
      ({ id: randomUUID(), receivedAt: new Date((at += 60_000)).toISOString(), machineId: laser!.id, uid: "efbeadde", replay: false, ...e }) as SpoolEvent;
    const alive = () =>
      applyEvent(broker.db, { id: randomUUID(), receivedAt: new Date((at += 60_000)).toISOString(), machineId: laser!.id, kind: "alive", serial: "AB12" });
    await alive(); // the board's first: created, audited
    const use = async () => {
      await applyEvent(broker.db, event({ kind: "startuse" }));
      await applyEvent(broker.db, event({ kind: "inuse", duration: 60 }));
      await applyEvent(broker.db, event({ kind: "stopuse", duration: 120 }));
      await alive();
    };
    const mine = await broker.holdsOf(use);
    // Each a transaction: begin; the receipt; the card's holder, the machine's lock and the session facts sent
    // together; the session written; the webhook outbox (start, stop); commit. Named prepared statements: one
    // round trip each (unnamed, postgres.js describes the parameters first: two). The alive: its board row locked,
    // then the board and the machine's last-heard written together.
    expect(mine.map((h) => h.roundTrips)).toEqual([6, 5, 6, 5]);
  });
});
