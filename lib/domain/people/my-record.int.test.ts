import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, machines, profiles, usageSessions } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { changesSinceLastLogin } from "../audit/since-last-login";
import { authenticateWithPassword } from "../auth/authenticate";
import { exportPersonData } from "./export-person";
import { updateProfile } from "./person-service";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

const viewer = async (personId: number) => ({ personId, permissions: await permissionsOfPerson(t.db, personId) });

describe("my record", () => {
  it("holds everything stored about me, including machine use, and who changed what, named as I may see them", async () => {
    const [machine] = await t.db.select().from(machines).limit(1);
    const start = new Date("2026-03-02T10:00:00Z");
    await t.db.insert(usageSessions).values({
      machineId: machine!.id,
      personId: t.ids.member,
      cardUid: "deadbeef",
      startedAt: start,
      endedAt: new Date(start.getTime() + 3_600_000),
      durationSeconds: 3600,
      recordedAs: "live",
      lastHeartbeatAt: start,
      openedByEventAt: start,
    });
    expect(
      await updateProfile(t.db, t.ids.admin, t.ids.member, { firstName: "Mario", lastName: "Rossi", email: "member@makerspace.local", phone: "+43 1 234" }),
    ).toMatchObject({ ok: true });
    const mine = await exportPersonData(t.db, t.ids.member, t.ids.member);
    if (!mine.ok) throw new Error(mine.message);
    for (const section of ["usage", "loans", "registrations", "trainings", "roles", "cards", "equipment", "memberships", "history"] as const)
      expect(Array.isArray(mine.data[section])).toBe(true);
    expect(mine.data.usage).toEqual([expect.objectContaining({ machine: machine!.name, durationSeconds: 3600 })]);
    expect(mine.data.history[0]).toMatchObject({ changeType: "profile.update", by: "Ada Admin" });

    // The admin keeps their name from members: the history then says only that staff changed it.
    await t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, t.ids.admin));
    const again = await exportPersonData(t.db, t.ids.member, t.ids.member);
    if (!again.ok) throw new Error(again.message);
    expect(again.data.history[0]!.by).not.toBe("Ada Admin");
    expect(again.data.history[0]!.by).toMatch(/^(#\d+|staff)$/);
    // Someone else's record is not mine to read.
    expect(await exportPersonData(t.db, t.ids.member, t.ids.maria)).toMatchObject({ ok: false, code: "forbidden" });
    await t.db.update(profiles).set({ boardOnly: false }).where(eq(profiles.personId, t.ids.admin));
  });
});

describe("what changed since my last login", () => {
  it("starts at the login before this one: members see changes to their own record, the board a digest by change type", async () => {
    // A first login has nothing to compare with.
    expect((await changesSinceLastLogin(t.db, await viewer(t.ids.maria))).since).toBeNull();
    for (const email of ["maria@makerspace.local", "admin@makerspace.local"]) {
      expect(await authenticateWithPassword(t.db, { email, password: "demo-password-123", ip: "192.0.2.1" })).toMatchObject({ ok: true });
      expect(await authenticateWithPassword(t.db, { email, password: "demo-password-123", ip: "192.0.2.1" })).toMatchObject({ ok: true });
    }
    const [acct] = await t.db.select().from(accounts).where(eq(accounts.personId, t.ids.maria));
    expect(acct!.previousLoginAt).not.toBeNull();
    // Move both back an hour so the changes below come after them.
    const hourAgo = new Date(Date.now() - 3_600_000);
    await t.db.update(accounts).set({ previousLoginAt: hourAgo });

    expect(
      await updateProfile(t.db, t.ids.admin, t.ids.maria, { firstName: "Maria", lastName: "Huber", email: "maria@makerspace.local", company: "Fab Lab" }),
    ).toMatchObject({ ok: true });
    expect(
      await updateProfile(t.db, t.ids.admin, t.ids.trainer, { firstName: "Tom", lastName: "Trainer", email: "trainer@makerspace.local", company: "Shop" }),
    ).toMatchObject({ ok: true });

    const maria = await changesSinceLastLogin(t.db, await viewer(t.ids.maria));
    expect(maria.since?.getTime()).toBe(hourAgo.getTime());
    expect(maria.own).toEqual([expect.objectContaining({ changeType: "profile.update", by: expect.objectContaining({ name: "Ada Admin" }) })]);
    expect(maria.board).toBeNull();

    const admin = await changesSinceLastLogin(t.db, await viewer(t.ids.admin));
    const updates = admin.board!.find((g) => g.changeType === "profile.update")!;
    expect(updates.count).toBeGreaterThanOrEqual(2);
    expect(updates.people.map((p) => p.personId)).toEqual(expect.arrayContaining([t.ids.maria, t.ids.trainer]));
    expect(admin.own).toEqual([]);
  });
});
