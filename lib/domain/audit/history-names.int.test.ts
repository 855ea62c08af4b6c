import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { people, profiles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { translator } from "@/lib/i18n/translate";
import { FULL_SCOPE, type ViewScope } from "../access/view-rights";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import { lendThing } from "../inventory/loans";
import { createThing, thingHistory } from "../inventory/things";
import { personPage } from "../people/person-page";
import type { NameViewer } from "../people/shown-names";
import { recordAudit } from "./record-audit";
import { readableHistory, type HistoryEntry } from "./readable-history";

// A history names people (borrowers, actors, partners): each name obeys that person's visibility and the reader's
// view rights, as the rest of the page does (nameShownTo); a hidden one reads "Name not shown", not the name.
let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t.close());

const read = (entries: HistoryEntry[], viewer: NameViewer) =>
  readableHistory(t.db, entries, { t: translator("en"), locale: "en", timeZone: "Europe/Vienna", viewer });
const texts = (history: Awaited<ReturnType<typeof read>>) => history.flatMap((e) => [e.who, ...e.rows.flatMap((r) => [r.before, r.after])]).join(" | ");
const nameOf = async (personId: number) => {
  const [p] = await t.db.select().from(profiles).where(eq(profiles.personId, personId));
  return `${p!.firstName} ${p!.lastName}`.trim();
};

it("a thing's history hides a board-only borrower and actor from an inventory viewer who is not on the board", async () => {
  const made = await createThing(t.db, t.ids.admin, { name: "Cordless drill" });
  if (!made.ok) throw new Error(made.message);
  const thing = { id: made.id };
  // The admin lends it to the member, who shows their name to the board only.
  try {
    await t.db
      .update(profiles)
      .set({ boardOnly: true })
      .where(inArray(profiles.personId, [t.ids.member, t.ids.admin]));
    const lent = await lendThing(t.db, t.ids.admin, { thingId: thing!.id, borrowerPersonId: t.ids.member, dueOn: "2099-01-01" });
    expect(lent.ok).toBe(true);
    const history = await thingHistory(t.db, thing!.id);
    const member: NameViewer = { personId: t.ids.maria, permissions: await permissionsOfPerson(t.db, t.ids.maria) };
    const board: NameViewer = { personId: t.ids.admin, permissions: await permissionsOfPerson(t.db, t.ids.admin), viewScope: FULL_SCOPE };
    const [borrower, actor] = [await nameOf(t.ids.member), await nameOf(t.ids.admin)];

    const seenByMember = texts(await read(history, member));
    expect(seenByMember).not.toContain(borrower);
    expect(seenByMember).not.toContain(actor);
    expect(seenByMember).toContain("by Name not shown");
    expect(seenByMember).toContain("Name not shown");
    const seenByBoard = texts(await read(history, board));
    expect(seenByBoard).toContain(borrower);
    expect(seenByBoard).toContain(`by ${actor}`);
  } finally {
    // Put back even when an expectation fails: the next case reads the member's and the admin's names.
    await t.db
      .update(profiles)
      .set({ boardOnly: false })
      .where(inArray(profiles.personId, [t.ids.member, t.ids.admin]));
  }
});

it("a person's history hides the names of people outside the reader's view rights (admin person page)", async () => {
  const [applicant] = await t.db.select({ statusId: people.statusId }).from(people).where(eq(people.id, t.ids.applicant));
  // The member (shows their name to members, not the public) changed the applicant's record, naming themself.
  await recordAudit(t.db, {
    actorId: t.ids.member,
    subjectPersonId: t.ids.applicant,
    changeType: "profile.partner",
    entity: "person",
    entityId: t.ids.applicant,
    before: { partnerPersonId: null },
    after: { partnerPersonId: t.ids.member },
  });
  // A reader with members.read whose view rights reach applicants only: the member is outside them.
  const narrowed: ViewScope = { all: false, viewerId: t.ids.trainer, statusIds: [applicant!.statusId], committeeIds: [] };
  const reader = { personId: t.ids.trainer, permissions: new Set<Permission>(["members.read"]), viewScope: narrowed };
  const page = await personPage(t.db, reader, t.ids.applicant);
  expect(page).toBeTruthy();
  const name = await nameOf(t.ids.member);
  const seen = texts(await read(page!.record.history, reader));
  expect(seen).toContain("by Name not shown");
  expect(seen).not.toContain(name);
  const full = { ...reader, viewScope: FULL_SCOPE };
  expect(texts(await read((await personPage(t.db, full, t.ids.applicant))!.record.history, full))).toContain(`by ${name}`);
});
