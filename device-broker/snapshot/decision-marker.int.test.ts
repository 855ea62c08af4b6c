import { and, eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cards } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { countingDb, type CountingDb } from "@/lib/db/testing/query-counter";
import { waitFor } from "@/lib/testing/wait-for";
import { BrokerMetrics } from "../metrics";
import { DecisionSnapshot } from "./decision-snapshot";

// The broker's change marker moves with the writer's commit, not before it: a poll that sees the new marker also
// sees the new rows. Case: an admin revokes a card while the broker polls; the board must be told "no" once the
// revocation is committed, not after the next change or the 30 s full reload.
let t: DemoDatabase;
let broker: CountingDb;
let card: { id: number; uid: string };

beforeAll(async () => {
  t = await createDemoDatabase();
  broker = countingDb(t.url);
  const [active] = await t.db
    .select({ id: cards.id, uid: cards.uid })
    .from(cards)
    .where(and(eq(cards.personId, t.ids.member), eq(cards.state, "active")))
    .limit(1);
  expect(active).toBeDefined();
  card = active!;
});
afterAll(async () => {
  await broker?.close();
  await t?.close();
});

const stateIn = (snapshot: DecisionSnapshot) => snapshot.data?.cards.get(card.uid)?.find((c) => c.personId === t.ids.member)?.state;
const polls = () => broker.queries.filter((q) => /data_version/.test(q)).length;

// Another connection holds the writer's transaction open: only PostgreSQL runs two sessions at once (the embedded
// database's wire server queues the second client until the first one's transaction ends).
describe.runIf(process.env.TEST_PG_TEMPLATE_URL)("a poll while a writer has not committed yet", () => {
  it("loads the revocation at the next poll after the commit", async () => {
    const snapshot = new DecisionSnapshot({
      db: broker.db,
      logger: pino({ level: "silent" }),
      metrics: new BrokerMetrics(),
      pollMs: 20,
      fullReloadMs: 3_600_000, // only the marker can bring the change
    });
    try {
      snapshot.start();
      await waitFor("the first load", () => stateIn(snapshot) === "active");

      await t.db.transaction(async (tx) => {
        await tx.update(cards).set({ state: "revoked", endedAt: new Date() }).where(eq(cards.id, card.id));
        // Polls while the revocation is written but not committed: they see the card active.
        const seen = polls();
        await waitFor("two polls during the writer's transaction", () => polls() >= seen + 2);
        expect(stateIn(snapshot)).toBe("active");
      });

      await waitFor("the revocation in the broker's decisions", () => stateIn(snapshot) === "revoked", {
        detail: () => `card state in the snapshot: ${stateIn(snapshot)}`,
      });
    } finally {
      await snapshot.stop();
      await t.db.update(cards).set({ state: "active", endedAt: null }).where(eq(cards.id, card.id));
    }
  });
});

describe("the change marker", () => {
  it("moves once per writing transaction, at its commit", async () => {
    const marker = async () => (await t.db.execute<{ v: string }>(sql`select version::text as v from ms_internal.data_version where id = 1`))[0]!.v;
    const before = await marker();
    await t.db.transaction(async (tx) => {
      await tx.update(cards).set({ state: "revoked", endedAt: new Date() }).where(eq(cards.id, card.id));
      await tx.update(cards).set({ state: "active", endedAt: null }).where(eq(cards.id, card.id));
      // Not yet: the bump waits for the commit (it holds its row lock only while committing).
      const inside = await tx.execute<{ v: string }>(sql`select version::text as v from ms_internal.data_version where id = 1`);
      expect(inside[0]!.v).toBe(before);
    });
    expect(BigInt(await marker())).toBe(BigInt(before) + 1n);
  });
});
