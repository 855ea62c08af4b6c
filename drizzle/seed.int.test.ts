import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, gt, isNull, min } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import {
  accounts,
  auditLog,
  cards,
  eventRegistrations,
  inventoryLocations,
  machineBookings,
  machines,
  membershipStatuses,
  newsPosts,
  people,
  permissions,
  polls,
  profiles,
  spaceSettings,
  things,
  trainingRequests,
  trainingSessions,
  trainingSignups,
  usageSessions,
} from "@/lib/db/schema";
import { loginStateOf } from "@/lib/domain/auth/login-state";
import { eventItems } from "@/lib/domain/calendar/calendar-queries";
import { publicFeed } from "@/lib/domain/calendar/public-feed";
import { listOpenLoans } from "@/lib/domain/inventory/loans";
import { invalidateSpaceSettings, loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { createTestDatabase as freshDatabase } from "@/lib/db/testing/test-database";
import { openSince } from "@/lib/domain/community/open-status";
import { openLoansOf } from "@/lib/domain/community/member-widgets";
import { loadDashboard } from "@/lib/domain/machines/dashboard";
import { listNews } from "@/lib/domain/community/news";
import { listPolls } from "@/lib/domain/community/polls/poll-queries";
import { locationPath } from "@/lib/domain/inventory/locations";
import { verifyPassword } from "@/lib/domain/auth/passwords";
import { ensureReferenceData } from "./reference-data";
import { isDatabaseEmpty, seedDemoData } from "./seed";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("reference data and demo seed", () => {
  it("creates reference data once, however often it runs", async () => {
    await ensureReferenceData(t.db);
    await ensureReferenceData(t.db);
    const [statuses] = await t.db.select({ n: count() }).from(membershipStatuses);
    const [perms] = await t.db.select({ n: count() }).from(permissions);
    expect(statuses!.n).toBe(5);
    expect(perms!.n).toBeGreaterThanOrEqual(10);
  });

  it("seeds people with separate profiles, hashed logins, cards and board machines 1-3", async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const seed = await seedDemoData(t.db, "demo-password-123");
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    expect(seed.logins.map((l) => l.role)).toContain("admin");
    const [p] = await t.db.select({ n: count() }).from(people);
    const [pr] = await t.db.select({ n: count() }).from(profiles);
    expect(p!.n).toBe(pr!.n);
    const [account] = await t.db.select().from(accounts).limit(1);
    expect(account!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(account!.passwordHash, "demo-password-123")).toBe(true);
    const boardIds = (await t.db.select().from(machines)).map((m) => m.boardId).sort();
    expect(boardIds).toEqual([1, 2, 3]);
    const uids = (await t.db.select().from(cards)).map((c) => c.uid);
    expect(uids).toContain("efbeadde");
  });

  it("without the showcase (test fixtures): no inventory, news or polls", async () => {
    for (const table of [things, inventoryLocations, newsPosts, polls]) {
      const [n] = await t.db.select({ n: count() }).from(table);
      expect(n!.n).toBe(0);
    }
  });

  it("with the showcase (npm start): every start-page widget has something to show", { timeout: 120_000 }, async () => {
    const s = await freshDatabase();
    try {
      await ensureReferenceData(s.db);
      await seedDemoData(s.db, "demo-password-123", { showcase: true });
      const [admin] = await s.db.select().from(accounts).where(eq(accounts.email, "admin@makerspace.local"));
      const [member] = await s.db.select().from(accounts).where(eq(accounts.email, "member@makerspace.local"));
      const box = (await s.db.select().from(inventoryLocations)).find((l) => l.kind === "box")!;
      expect((await locationPath(s.db, box.id)).map((l) => l.kind)).toEqual(["room", "shelf", "box"]);
      const [thingCount] = await s.db.select({ n: count() }).from(things);
      expect(thingCount!.n).toBeGreaterThanOrEqual(3);
      expect(await openLoansOf(s.db, member!.personId)).toEqual([expect.objectContaining({ thingName: "Hot glue gun" })]);
      expect(await listNews(s.db, null, 5)).toHaveLength(1);
      const open = (await listPolls(s.db, member!.personId)).filter((p) => p.phase === "open");
      expect(open).toHaveLength(1);
      expect(await openSince(s.db)).toMatchObject({ open: true });
      expect((await loadDashboard(s.db)).tiles.length).toBe(6);
      expect(admin).toBeDefined();
    } finally {
      await s.close();
    }
  });

  describe("a space that has been running a while (npm start)", () => {
    let s: TestDatabase;
    const now = new Date();
    beforeAll(async () => {
      s = await freshDatabase();
      await ensureReferenceData(s.db);
      // Saved another zone than the environment's: every demo time is wall-clock time in the saved one.
      await s.db.insert(spaceSettings).values({ ...(await loadSpaceSettings(s.db)), id: 1, timeZone: "America/New_York", updatedAt: new Date() });
      invalidateSpaceSettings(s.db);
      await seedDemoData(s.db, "demo-password-123", { showcase: true });
    });
    afterAll(() => s?.close());
    const personNamed = async (first: string) => (await s.db.select().from(profiles).where(eq(profiles.firstName, first)))[0]!.personId;
    const wall = (d: Date) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);

    it("has imported members, some who can log in, one invited, one whose invitation expired, some never invited", async () => {
      const imported = await s.db.select().from(auditLog).where(eq(auditLog.changeType, "person.import"));
      expect(imported.length).toBeGreaterThanOrEqual(5);
      expect(await loginStateOf(s.db, await personNamed("Luca"), now)).toMatchObject({ kind: "login" });
      expect(await loginStateOf(s.db, await personNamed("Sophie"), now)).toMatchObject({ kind: "invited" });
      expect(await loginStateOf(s.db, await personNamed("Jonas"), now)).toMatchObject({ kind: "expired" });
      expect(await loginStateOf(s.db, await personNamed("Giulia"), now)).toEqual({ kind: "none" });
      expect(await loginStateOf(s.db, await personNamed("Elena"), now)).toEqual({ kind: "none" });
    });

    it("shows on the dashboard a machine in use, one due for maintenance and one blocked", async () => {
      const { tiles } = await loadDashboard(s.db, now);
      const state = (name: string) => tiles.find((t) => t.name === name)?.state;
      expect(state("PRUSA MK3S")).toBe("in_use");
      expect(state("BANDSAW")).toBe("maintenance_due");
      expect(state("VINYL CUTTER")).toBe("blocked");
      // The e2e board stories start from LASER 1 free of sessions and bookings at their hours.
      expect(
        await s.db
          .select()
          .from(usageSessions)
          .where(and(isNull(usageSessions.endedAt), eq(usageSessions.machineId, tiles.find((t) => t.name === "LASER 1")!.id))),
      ).toEqual([]);
    });

    it("has two months of usage history on every machine but the blocked one", async () => {
      const report = await s.db
        .select({ machineId: usageSessions.machineId, n: count(), first: min(usageSessions.startedAt) })
        .from(usageSessions)
        .groupBy(usageSessions.machineId);
      expect(report).toHaveLength(5);
      for (const r of report) expect(r.first!.getTime()).toBeLessThan(now.getTime() - 30 * 86_400_000);
    });

    it("fills the calendar and /calendar.ics: a weekly public open evening, events in rooms with registrations, times in the saved zone", async () => {
      const items = await eventItems(s.db, { from: now, to: new Date(now.getTime() + 28 * 86_400_000), includeMembersOnly: true });
      const evenings = items.filter((i) => i.title === "Open lab evening");
      expect(evenings.length).toBeGreaterThanOrEqual(4);
      expect(evenings.every((e) => e.kind === "event" && e.isPublic && e.rooms.includes("Workshop") && wall(e.startsAt) === "18:00")).toBe(true);
      const cafe = items.find((i) => i.title === "Repair café")!;
      const assembly = items.find((i) => i.title === "Members' assembly")!;
      expect(cafe).toMatchObject({ isPublic: true, rooms: ["Lounge"] });
      expect(assembly).toMatchObject({ isPublic: false });
      for (const e of [cafe, assembly])
        expect((await s.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, e.id))).length).toBeGreaterThanOrEqual(3);
      const visitorItems = await eventItems(s.db, { from: now, to: new Date(now.getTime() + 28 * 86_400_000), includeMembersOnly: false });
      expect(visitorItems.some((i) => i.title === "Members' assembly")).toBe(false);
      const ics = (await publicFeed(s.db, { host: "demo.example", now })).body();
      expect(ics).toContain("SUMMARY:Open lab evening");
      expect(ics).toContain("RRULE:FREQ=WEEKLY");
      expect(ics).toContain("SUMMARY:Repair café");
    });

    it("has a full training with a waiting list and an open training request", async () => {
      const sessions = await s.db.select().from(trainingSessions).where(gt(trainingSessions.startsAt, now));
      expect(sessions).toHaveLength(1);
      expect(wall(sessions[0]!.startsAt)).toBe("18:00");
      const signups = await s.db.select().from(trainingSignups).where(eq(trainingSignups.sessionId, sessions[0]!.id));
      expect(signups.filter((x) => x.status === "signed_up")).toHaveLength(sessions[0]!.capacity);
      expect(signups.filter((x) => x.status === "waitlisted").map((x) => x.personId)).toEqual([await personNamed("Mario")]);
      expect(await s.db.select().from(trainingRequests)).toHaveLength(1);
    });

    it("has machine bookings in the past and to come, at wall-clock hours of the saved zone", async () => {
      const bookings = await s.db.select().from(machineBookings);
      expect(bookings.filter((b) => b.endsAt < now).length).toBeGreaterThanOrEqual(1);
      expect(bookings.filter((b) => b.startsAt > now).length).toBeGreaterThanOrEqual(1);
      expect(new Set(bookings.map((b) => wall(b.startsAt)))).toEqual(new Set(["18:00", "14:00", "17:00"]));
    });

    it("has a loan overdue (and one that is not)", async () => {
      const overdue = await listOpenLoans(s.db, { overdueAt: now });
      expect(overdue.map((l) => l.thingName)).toEqual(["Oscilloscope"]);
      expect((await listOpenLoans(s.db)).map((l) => l.thingName).sort()).toEqual(["Hot glue gun", "Oscilloscope"]);
    });
  });
});
