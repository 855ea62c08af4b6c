import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { people, profiles, rolePermissions } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import { viewRightKey, type ViewScope } from "../access/view-rights";
import { bookingItems } from "../calendar/calendar-queries";
import { getEventDetails } from "../calendar/event-details";
import { bookMachine } from "../calendar/machine-bookings";
import { saveEvent } from "../calendar/save-event";
import { createCalendarFixture, type CalendarFixture } from "../calendar/testing/calendar-fixture";
import { createNews, listNews } from "../community/news";
import { createPoll } from "../community/polls/create-poll";
import { getPollView } from "../community/polls/poll-queries";
import { castVote } from "../community/polls/vote";
import { pickPeople } from "./pick-people";
import { namesShownTo } from "./shown-names";
import { visibleNames } from "./visible-names";
import type { Viewer } from "./visibility";

let f: CalendarFixture;
let board: Viewer;
let member: Viewer;
let applicant: Viewer;
const anonymous = null;
beforeAll(async () => {
  f = await createCalendarFixture();
  const viewerOf = async (personId: number) => ({ personId, permissions: await permissionsOfPerson(f.t.db, personId) });
  [board, member, applicant] = await Promise.all([viewerOf(f.admin), viewerOf(f.maria), viewerOf(f.applicant)]);
});
afterAll(() => f.t.close());
/** Mario (f.member) is the person whose name is shown; each test sets his choice. */
async function marioShows(settings: { name?: string; boardOnly?: boolean }) {
  const visibility: Record<string, string> = settings.name ? { name: settings.name } : {};
  await f.t.db
    .update(profiles)
    .set({ visibility, boardOnly: settings.boardOnly ?? false })
    .where(eq(profiles.personId, f.member));
}
beforeEach(() => marioShows({}));

describe("names shown outside the people pages", () => {
  it("follow the person's visibility for each viewer: default members, public, only the board, erased", async () => {
    const seen = async (viewer: Viewer | null) => (await namesShownTo(f.t.db, viewer, [f.member, null, undefined])).get(f.member) ?? null;
    expect(await seen(anonymous)).toBeNull();
    expect(await seen(applicant)).toBeNull();
    expect(await seen(member)).toBe("Mario Rossi");
    expect(await seen(board)).toBe("Mario Rossi");
    expect(await seen({ personId: f.member, permissions: new Set() })).toBe("Mario Rossi");
    await marioShows({ name: "public" });
    expect(await seen(anonymous)).toBe("Mario Rossi");
    await marioShows({ name: "public", boardOnly: true });
    expect(await seen(anonymous)).toBeNull();
    expect(await seen(member)).toBeNull();
    expect(await seen(board)).toBe("Mario Rossi");
    await f.t.db.update(people).set({ erasedAt: new Date() }).where(eq(people.id, f.member));
    try {
      expect(await seen(board)).toBeNull();
    } finally {
      await f.t.db.update(people).set({ erasedAt: null }).where(eq(people.id, f.member));
    }
  });

  it("obey the viewer's view rights as the picker does: outside the groups their roles may see, only a name shown to everyone", async () => {
    const [mario] = await f.t.db.select({ statusId: people.statusId }).from(people).where(eq(people.id, f.member));
    const scope = (statusIds: number[]): ViewScope => ({ all: false, viewerId: f.maria, statusIds, committeeIds: [] });
    // A member who may lend things: the picker (lending) and the name shown after picking ("Lent to …") agree.
    const lender = (viewScope: ViewScope) => ({ personId: f.maria, permissions: new Set<Permission>(["directory.read", "inventory.write"]), viewScope });
    const both = async (viewer: ReturnType<typeof lender>) => {
      const picked = await pickPeople(f.t.db, viewer, "borrower", "Rossi");
      if (!picked.ok) throw new Error(picked.message);
      const name = (await namesShownTo(f.t.db, viewer, [f.member])).get(f.member) ?? null;
      return { picked: picked.people.map((p) => p.name), name };
    };
    expect(await both(lender(scope([mario!.statusId])))).toEqual({ picked: ["Mario Rossi"], name: "Mario Rossi" });
    expect(await both(lender(scope([])))).toEqual({ picked: [], name: null });
    // Lists that show a member number where the name is hidden (role holders, a record's history) follow it too.
    expect((await visibleNames(f.t.db, lender(scope([])), [f.member])).get(f.member)).toMatchObject({ name: null, memberNumber: expect.any(Number) });
    expect((await visibleNames(f.t.db, lender(scope([mario!.statusId])), [f.member])).get(f.member)).toMatchObject({ name: "Mario Rossi" });
    await marioShows({ name: "public" });
    expect(await both(lender(scope([])))).toEqual({ picked: ["Mario Rossi"], name: "Mario Rossi" });
    await marioShows({});

    // Without a scope at hand (a viewer built from permissions alone), the viewer's roles' view rights are read.
    const right = viewRightKey("status", mario!.statusId);
    const granted = await f.t.db.select().from(rolePermissions).where(eq(rolePermissions.permissionKey, right));
    expect(granted.length).toBeGreaterThan(0);
    await f.t.db.delete(rolePermissions).where(eq(rolePermissions.permissionKey, right));
    try {
      const narrowed = { personId: f.maria, permissions: await permissionsOfPerson(f.t.db, f.maria) };
      expect(narrowed.permissions.has("directory.read")).toBe(true);
      expect((await namesShownTo(f.t.db, narrowed, [f.member])).get(f.member)).toBeUndefined();
      expect((await visibleNames(f.t.db, narrowed, [f.member])).get(f.member)?.name).toBeNull();
      // Oneself is never narrowed, and the board (every group) still sees him.
      expect((await namesShownTo(f.t.db, { personId: f.member, permissions: new Set() }, [f.member])).get(f.member)).toBe("Mario Rossi");
      expect((await namesShownTo(f.t.db, board, [f.member])).get(f.member)).toBe("Mario Rossi");
    } finally {
      await f.t.db.insert(rolePermissions).values(granted);
    }
    expect((await namesShownTo(f.t.db, member, [f.member])).get(f.member)).toBe("Mario Rossi");
  });

  it("on bookings: a member sees whose booking it is unless the booker asked for 'only the board'", async () => {
    const booked = await bookMachine(
      f.t.db,
      f.member,
      { machineId: f.laser, startsAt: "2027-02-10T10:00:00Z", endsAt: "2027-02-10T12:00:00Z" },
      new Date("2027-02-01T00:00:00Z"),
    );
    expect(booked).toMatchObject({ ok: true });
    const names = async (viewer: Viewer | null) =>
      (
        await bookingItems(f.t.db, {
          from: new Date("2027-02-10T00:00:00Z"),
          to: new Date("2027-02-11T00:00:00Z"),
          includeMembersOnly: true,
          machineId: f.laser,
          viewer,
        })
      ).map((i) => i.kind === "booking" && i.personName);
    expect(await names(member)).toEqual(["Mario Rossi"]);
    await marioShows({ boardOnly: true });
    expect(await names(member)).toEqual([null]);
    expect(await names(board)).toEqual(["Mario Rossi"]);
  });

  it("on an event's contact person, and on news authors (the public news and Atom feed)", async () => {
    const saved = await saveEvent(f.t.db, f.admin, {
      title: "Repair café",
      visibility: "public",
      startsAt: "2027-03-01T17:00:00Z",
      endsAt: "2027-03-01T19:00:00Z",
      timeZone: "UTC",
      responsiblePersonId: f.member,
    });
    if (!saved.ok) throw new Error(saved.message);
    expect((await getEventDetails(f.t.db, saved.eventId, anonymous))?.responsible).toMatchObject({ name: null });
    expect((await getEventDetails(f.t.db, saved.eventId, member))?.responsible).toMatchObject({ name: "Mario Rossi" });
    await marioShows({ name: "public" });
    expect((await getEventDetails(f.t.db, saved.eventId, anonymous))?.responsible).toMatchObject({ name: "Mario Rossi" });

    await f.t.db
      .update(profiles)
      .set({ visibility: { name: "board" } })
      .where(eq(profiles.personId, f.admin));
    const post = await createNews(f.t.db, f.admin, { title: "New laser", body: "Arrived." });
    if (!post.ok) throw new Error(post.message);
    const author = async (viewer: Viewer | null) => (await listNews(f.t.db, viewer, 1))[0]?.authorName;
    expect(await author(anonymous)).toBeNull();
    expect(await author(member)).toBeNull();
    expect(await author(board)).toBe("Ada Admin");
    await f.t.db.update(profiles).set({ visibility: {} }).where(eq(profiles.personId, f.admin));
  });

  it("on a named poll's voters: counted for everyone, named only where the voter lets the viewer see it", async () => {
    const hour = 3_600_000;
    const created = await createPoll(f.t.db, f.admin, {
      question: "New sofa?",
      options: ["Yes", "No"],
      choice: "single",
      opensAt: new Date(Date.now() - hour),
      closesAt: new Date(Date.now() + hour),
      anonymous: false,
      resultsVisible: "after_vote",
    });
    if (!created.ok) throw new Error(created.message);
    const options = (await getPollView(f.t.db, f.admin, created.id, undefined))!.options.map((o) => o.id);
    expect(await castVote(f.t.db, f.member, { pollId: created.id, optionIds: [options[0]!] })).toMatchObject({ ok: true });
    expect(await castVote(f.t.db, f.maria, { pollId: created.id, optionIds: [options[0]!] })).toMatchObject({ ok: true });
    await marioShows({ boardOnly: true });
    const yes = async (viewerId: number) => (await getPollView(f.t.db, viewerId, created.id, undefined))!.results!.options[0]!;
    expect(await yes(f.maria)).toMatchObject({ votes: 2, voters: ["Maria Huber"] });
    expect(await yes(f.member)).toMatchObject({ votes: 2, voters: ["Maria Huber", "Mario Rossi"] });
  });
});
