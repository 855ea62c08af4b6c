import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/drizzle/seed";
import { cards, equipmentAuthorizations, importLinks, machines, membershipStatuses, people, profiles, usageSessions } from "@/lib/db/schema";
import { applyFabomaticImport, dryRunFabomaticImport } from "./import-fabomatic";
import { createImportFixture, modifiedSample, sampleBytes, type ImportFixture } from "./testing/fabomatic-fixture";

let t: ImportFixture;
beforeAll(async () => {
  t = await createImportFixture();
  // A space that tried the demo first: machines with board ids 1–3, the demo people and their cards.
  await seedDemoData(t.db, "demo-password-123");
});
afterAll(() => t?.close());

const profileOf = async (sourceUserId: number) => {
  const [link] = await t.db
    .select()
    .from(importLinks)
    .where(and(eq(importLinks.kind, "user"), eq(importLinks.sourceId, String(sourceUserId))));
  const [row] = await t.db
    .select({ id: people.id, first: profiles.firstName, last: profiles.lastName, email: profiles.email, status: membershipStatuses.key })
    .from(people)
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, link!.targetId!));
  return row!;
};
const activeCardsOf = async (personId: number) =>
  (
    await t.db
      .select({ uid: cards.uid })
      .from(cards)
      .where(and(eq(cards.personId, personId), eq(cards.state, "active")))
  ).map((c) => c.uid);

describe("Fab-O-Matic import next to existing data, then a later file", () => {
  // The demo member holds efbeadde; the demo admin's email is admin@makerspace.local.
  const first = () =>
    modifiedSample(["UPDATE users SET card_UUID = 'EFBEADDE' WHERE user_id = 12", "UPDATE users SET email = 'Admin@Makerspace.local' WHERE user_id = 14"]);

  it("keeps what is already here: a taken board id, card or email is a conflict, the rest is imported", async () => {
    const dry = await dryRunFabomaticImport(t.db, { bytes: await first() });
    if (!dry.ok) throw new Error(dry.message);
    expect(dry.report.conflicts.map((c) => [c.kind, c.sourceId, c.code])).toEqual([
      ["machine", "1", "board_id_taken"],
      ["user", "12", "card_taken"],
      ["user", "14", "email_taken"],
    ]);
    const result = await applyFabomaticImport(t.db, t.adminId, { bytes: await first() });
    if (!result.ok) throw new Error(result.message);
    const [machine1] = await t.db.select().from(machines).where(eq(machines.name, "MACHINE1"));
    expect(machine1!.boardId).toBeNull();
    const [demoLaser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    expect(demoLaser!.name).toBe("LASER 1");
    expect(await activeCardsOf((await profileOf(12)).id)).toEqual([]);
    expect((await profileOf(14)).email).toBeNull();

    // The same file again: still the same conflicts, nothing written.
    const again = await applyFabomaticImport(t.db, t.adminId, { bytes: await first() });
    expect(again.ok && again.report.nothingToDo).toBe(true);
    expect(again.ok && again.report.conflicts).toHaveLength(3);
  });

  it("takes a board id once it is free", async () => {
    await t.db.update(machines).set({ boardId: 91 }).where(eq(machines.boardId, 1));
    const result = await applyFabomaticImport(t.db, t.adminId, { bytes: await first() });
    if (!result.ok) throw new Error(result.message);
    expect(result.report.updated.map((u) => [u.kind, u.sourceId, u.fields])).toEqual([["machine", "1", ["boardId"]]]);
    const [machine1] = await t.db.select().from(machines).where(eq(machines.name, "MACHINE1"));
    expect(machine1!.boardId).toBe(1);
  });

  it("a later file updates what changed there, and leaves local edits of what did not", async () => {
    const giuliaBakker = await profileOf(9);
    await t.db.update(profiles).set({ firstName: "Giuli" }).where(eq(profiles.personId, giuliaBakker.id));
    const later = await modifiedSample([
      "UPDATE users SET card_UUID = 'EFBEADDE' WHERE user_id = 12",
      "UPDATE users SET email = 'Admin@Makerspace.local' WHERE user_id = 14",
      "UPDATE users SET surname = 'Šimić-Rossi' WHERE user_id = 3",
      "UPDATE users SET disabled = 1 WHERE user_id = 5",
      "UPDATE users SET card_UUID = 'AABBCCDD' WHERE user_id = 10",
      "DELETE FROM authorizations WHERE user_id = 25 AND machine_id = 1",
      "UPDATE machines SET blocked = 0 WHERE machine_id = 475",
      "INSERT INTO users (user_id, name, surname, role_id, card_UUID, disabled, deleted, email) VALUES (43, 'Nuovo', 'Socio', 3, '0A0B0C0D', 0, 0, 'nuovo@example.org')",
      "INSERT INTO uses (use_id, user_id, machine_id, start_timestamp, last_seen, end_timestamp, replay) VALUES (601, 43, 233, 1796000000, 1796003600, 1796003600, 1)",
    ]);
    const result = await applyFabomaticImport(t.db, t.adminId, { bytes: later });
    if (!result.ok) throw new Error(result.message);
    const { counts } = result.report;
    expect(counts.user).toMatchObject({ created: 1, updated: 3 });
    expect(counts.machine).toMatchObject({ updated: 1 });
    expect(counts.authorization).toMatchObject({ removed: 1 });
    expect(counts.use).toMatchObject({ created: 1, unchanged: 600 });

    expect(await profileOf(3)).toMatchObject({ first: "Giulia", last: "Šimić-Rossi" });
    expect((await profileOf(5)).status).toBe("suspended");
    expect((await profileOf(9)).first).toBe("Giuli");
    const matteo = await profileOf(10);
    expect(await activeCardsOf(matteo.id)).toEqual(["aabbccdd"]);
    expect(
      await t.db
        .select({ uid: cards.uid })
        .from(cards)
        .where(and(eq(cards.personId, matteo.id), eq(cards.state, "revoked"))),
    ).toEqual([{ uid: "c74c7ccf" }]);
    const davide = await profileOf(25);
    expect(
      await t.db
        .select()
        .from(equipmentAuthorizations)
        .where(and(eq(equipmentAuthorizations.personId, davide.id), isNotNull(equipmentAuthorizations.revokedAt))),
    ).toEqual([expect.objectContaining({ revokedReason: "No longer in Fab-O-Matic" })]);
    expect((await t.db.select().from(machines).where(eq(machines.boardId, 475)))[0]!.blocked).toBe(false);
    const nuovo = await profileOf(43);
    expect(nuovo).toMatchObject({ email: "nuovo@example.org", status: "member" });
    expect(await t.db.select({ recordedAs: usageSessions.recordedAs }).from(usageSessions).where(eq(usageSessions.personId, nuovo.id))).toEqual([
      { recordedAs: "replayed" },
    ]);

    const again = await applyFabomaticImport(t.db, t.adminId, { bytes: later });
    expect(again.ok && again.report.nothingToDo).toBe(true);
  });

  it("the original file after the later one puts the changed values back", async () => {
    const result = await applyFabomaticImport(t.db, t.adminId, { bytes: sampleBytes() });
    if (!result.ok) throw new Error(result.message);
    expect((await profileOf(3)).last).toBe("Šimić");
    // User 43 is not in the original file: a person is never deleted by an import.
    expect((await profileOf(43)).first).toBe("Nuovo");
  });
});
