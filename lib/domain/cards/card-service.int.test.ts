import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cards, people } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { recordUnknownCard } from "../usage/record-unknown-card";
import { cardHistory, endCard, recentUnknownCards, registerCard } from "./card-service";

let t: DemoDatabase;
let admin: number;
let maria: number;
let mario: number;
beforeAll(async () => {
  t = await createDemoDatabase();
  const holder = async (uid: string) => (await t.db.select().from(cards).where(eq(cards.uid, uid)))[0]!.personId;
  admin = await holder("a0000001");
  maria = await holder("c0000003");
  mario = await holder("efbeadde");
});
afterAll(() => t.close());

describe("cards", () => {
  it("registers an uppercase uid as lowercase and removes its unknown-card swipes", async () => {
    await recordUnknownCard(t.db, { uid: "12ab34cd", machineId: null, receivedAt: new Date("2026-03-01T10:00:00Z") });
    expect((await recentUnknownCards(t.db, new Date("2026-01-01"))).map((u) => u.uid)).toContain("12ab34cd");
    const result = await registerCard(t.db, admin, { personId: maria, uid: " 12AB34CD " });
    expect(result).toMatchObject({ ok: true, uid: "12ab34cd" });
    expect((await recentUnknownCards(t.db, new Date("2026-01-01"))).map((u) => u.uid)).not.toContain("12ab34cd");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "card.register"));
    expect(audit).toHaveLength(1);
  });

  it("refuses malformed uids, a card active for someone else, and people without members.write", async () => {
    expect(await registerCard(t.db, admin, { personId: maria, uid: "xyz" })).toMatchObject({ ok: false, code: "malformed_uid" });
    expect(await registerCard(t.db, admin, { personId: maria, uid: "EFBEADDE" })).toMatchObject({
      ok: false,
      code: "taken",
      message: "This card is active for someone else.",
    });
    expect(await registerCard(t.db, mario, { personId: mario, uid: "99999999" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await registerCard(t.db, admin, { personId: 999_999, uid: "99999999" })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a lost card is kept in the history and its uid can be given out again", async () => {
    const [card] = await t.db.select().from(cards).where(eq(cards.uid, "12ab34cd"));
    expect(await endCard(t.db, admin, { cardId: card!.id, state: "lost", reason: "left on the bus" })).toEqual({ ok: true });
    expect(await endCard(t.db, admin, { cardId: card!.id, state: "revoked" })).toMatchObject({ ok: false, code: "not_active" });
    expect(await registerCard(t.db, admin, { personId: mario, uid: "12ab34cd" })).toMatchObject({ ok: true });
    const history = await cardHistory(t.db, maria);
    expect(history.find((c) => c.uid === "12ab34cd")).toMatchObject({ state: "lost", endedReason: "left on the bus" });
    expect((await t.db.select().from(people).where(eq(people.id, maria))).length).toBe(1);
  });
});

describe("a new member from an unknown card", () => {
  it("creates the person with the card, or nothing when the card is refused", async () => {
    const { createMemberWithCard } = await import("./member-from-card");
    const { membershipStatuses, profiles } = await import("@/lib/db/schema");
    const [member] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    await recordUnknownCard(t.db, { uid: "0badcafe", machineId: null, receivedAt: new Date("2026-03-02T10:00:00Z") });
    const made = await createMemberWithCard(t.db, admin, {
      uid: "0BADCAFE",
      statusId: member!.id,
      profile: { firstName: "Nina", lastName: "New", email: "nina@example.org" },
    });
    expect(made).toMatchObject({ ok: true, uid: "0badcafe" });
    expect((await recentUnknownCards(t.db, new Date("2026-01-01"))).map((u) => u.uid)).not.toContain("0badcafe");
    const refused = await createMemberWithCard(t.db, admin, {
      uid: "0badcafe",
      statusId: member!.id,
      profile: { firstName: "Otto", email: "otto@example.org" },
    });
    expect(refused).toMatchObject({ ok: false, code: "taken" });
    expect(await t.db.select().from(profiles).where(eq(profiles.firstName, "Otto"))).toHaveLength(0);
  });
});
