import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cards, equipmentAuthorizations, machines } from "@/lib/db/schema";
import { decideCardOnMachine } from "@/lib/domain/machine-access/machine-use-facts";
import { allowedCardsOnMachine } from "@/lib/domain/machine-access/allowed-cards";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { allowedCards, decideOnMachine } from "./decide";
import { loadSnapshot } from "./load-snapshot";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
  // Some variety beyond the seed: an expired authorization, a revoked one, a lost card.
  const [first] = await t.db.select().from(machines);
  const [holder] = await t.db.select().from(cards);
  const day = 86_400_000;
  await t.db.insert(equipmentAuthorizations).values([
    {
      personId: holder!.personId,
      equipmentTypeId: first!.equipmentTypeId,
      level: "owner",
      source: "grant",
      grantedAt: new Date(Date.now() - 400 * day),
      expiresAt: new Date(Date.now() - day),
    },
    { personId: holder!.personId, equipmentTypeId: first!.equipmentTypeId, level: "user", source: "grant", revokedAt: new Date() },
  ]);
  await t.db.insert(cards).values({ uid: "e0000099", personId: holder!.personId, state: "lost" });
});
afterAll(() => t.close());

describe("decisions from the snapshot", () => {
  it("match the database path for every card on every machine, and synccache lists the same cards", async () => {
    const now = new Date();
    const data = await loadSnapshot(t.db, now);
    const uids = [...new Set((await t.db.select({ uid: cards.uid }).from(cards)).map((c) => c.uid)), "ffffffff"];
    const allMachines = await t.db.select().from(machines);
    expect(allMachines.length).toBeGreaterThan(0);
    for (const m of allMachines) {
      const snap = data.machinesById.get(m.id)!;
      for (const uid of uids) {
        expect(decideOnMachine(data, snap, uid, now), `${uid} on ${m.name}`).toEqual(await decideCardOnMachine(t.db, { uid, machineId: m.id, now }));
      }
      expect(allowedCards(data, snap, now)).toEqual(await allowedCardsOnMachine(t.db, m.id, now));
    }
  });
});
