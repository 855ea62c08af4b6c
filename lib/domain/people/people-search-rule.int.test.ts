import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, cards, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import type { Permission } from "../access/permissions";
import type { ViewScope } from "../access/view-rights";
import { maskEmail, pickPeople } from "./pick-people";
import { searchPeople } from "./search-people";
import type { Viewer } from "./visibility";

/**
 * The equipment pages' search and the people picker ask one rule (person-match.ts `peopleSearch`): for the same
 * viewer and text they find the same people and show the same of them. They once disagreed about a person without a
 * profile (the picker showed their login email to people managers, the equipment search never found them by it)
 * and about the view rights (the picker ignored them).
 */
let t: DemoDatabase;
const who = { ghost: 0, hidden: 0, open: 0 };
const number = { ghost: 0, hidden: 0, open: 0 };

type TestViewer = Viewer & { personId: number; viewScope?: ViewScope };
const viewers: Record<string, TestViewer> = {};

beforeAll(async () => {
  t = await createDemoDatabase();
  const [member] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
  const add = async () =>
    (
      await t.db
        .insert(people)
        .values({ statusId: member!.id, memberNumber: sql`nextval('member_number_seq')` })
        .returning()
    )[0]!;
  // No profile, but a login and a card. A profile with its name for the board only (its email public). One that shows
  // everything.
  const ghost = await add();
  const hidden = await add();
  const open = await add();
  Object.assign(who, { ghost: ghost.id, hidden: hidden.id, open: open.id });
  Object.assign(number, { ghost: ghost.memberNumber, hidden: hidden.memberNumber, open: open.memberNumber });
  await t.db.insert(profiles).values([
    { personId: hidden.id, firstName: "Hedda", lastName: "Quillfeather", email: "hedda@quill.example", visibility: { name: "board", email: "public" } },
    { personId: open.id, firstName: "Otto", lastName: "Quillman", email: "otto@quill.example", visibility: { name: "public", email: "public" } },
  ]);
  await t.db.insert(accounts).values([
    { personId: ghost.id, email: "ghost.login@home.example", passwordHash: "x" },
    { personId: open.id, email: "otto.private@home.example", passwordHash: "x" },
  ]);
  await t.db.insert(cards).values({ uid: "0a0b0c0d", personId: ghost.id });

  const viewer = (personId: number, ...permissions: Permission[]): TestViewer => ({
    personId,
    permissions: new Set<Permission>(["inventory.write", "equipment.manage", ...permissions]),
  });
  viewers.board = viewer(t.ids.admin, "members.read", "members.write");
  viewers.member = viewer(t.ids.member, "directory.read");
  viewers.outsider = viewer(t.ids.member);
  // Changes people but may not read them: sees what people show everyone.
  viewers.writer = viewer(t.ids.member, "members.write");
  // Reads people but does not change them.
  viewers.reader = viewer(t.ids.member, "members.read");
  // Reads members, but its view rights reach no group: outside them, only what people show everyone.
  viewers.boardWithoutGroups = {
    ...viewer(t.ids.admin, "members.read", "members.write"),
    viewScope: { all: false, viewerId: t.ids.admin, statusIds: [], committeeIds: [] },
  };
});
afterAll(() => t?.close());

/** What each shows: id, name, email (the picker masks it, so both are masked here). */
async function bothFind(v: TestViewer, text: string) {
  const listed = await searchPeople(t.db, v, { query: text, pageSize: 50, scope: v.viewScope });
  const picked = await pickPeople(t.db, v, "borrower", text);
  if (!picked.ok) throw new Error(picked.message);
  const fromList = listed.rows.map((r) => ({
    personId: r.personId,
    name: `${r.firstName ?? ""} ${r.lastName ?? ""}`.trim() || null,
    email: r.email ? maskEmail(r.email) : null,
  }));
  const fromPicker = picked.people.map((p) => ({ personId: p.personId, name: p.name, email: p.email }));
  expect(fromPicker, `the picker and the equipment search disagree for "${text}"`).toEqual(fromList);
  return fromList;
}

describe("the people search's one rule (equipment search and picker)", () => {
  const texts = () => [
    "quill",
    "Quillfeather",
    "Hedda Quill",
    "hedda@quill",
    "otto@quill",
    "ghost.login",
    "otto.private",
    `#${number.ghost}`,
    `#${number.hidden}`,
    "0A0B0C0D",
  ];

  it("finds and shows the same for every viewer and text", { timeout: 120_000 }, async () => {
    for (const v of Object.values(viewers)) for (const text of texts()) await bothFind(v, text);
  });

  it("a person without a profile: found by member number by anyone, by card and login email only by those who read members; never shown by the login email", async () => {
    const ghost = [{ personId: who.ghost, name: null, email: null }];
    expect(await bothFind(viewers.board!, `#${number.ghost}`)).toEqual(ghost);
    expect(await bothFind(viewers.outsider!, `#${number.ghost}`)).toEqual(ghost);
    expect(await bothFind(viewers.board!, "0a0b0c0d")).toEqual(ghost);
    expect(await bothFind(viewers.member!, "0a0b0c0d")).toEqual([]);
    // The login email finds them only for who may see an email left at its default (the board's).
    expect(await bothFind(viewers.board!, "ghost.login")).toEqual(ghost);
    expect(await bothFind(viewers.writer!, "ghost.login")).toEqual([]);
    expect(await bothFind(viewers.member!, "ghost.login")).toEqual([]);
    expect(await bothFind(viewers.boardWithoutGroups!, "ghost.login")).toEqual([]);
  });

  it("a hidden name: found by it and shown only to those it is shown to; the email shown finds the row without it", async () => {
    const email = maskEmail("hedda@quill.example");
    const hedda = { personId: who.hidden, name: "Hedda Quillfeather", email };
    const nameless = { personId: who.hidden, name: null, email };
    const otto = { personId: who.open, name: "Otto Quillman", email: maskEmail("otto@quill.example") };
    expect(await bothFind(viewers.board!, "quill")).toEqual([hedda, otto]);
    expect(await bothFind(viewers.board!, "Hedda Quill")).toEqual([hedda]);
    // Her name never finds her for a member; her public email does ("quill" is in it), nameless and last.
    expect(await bothFind(viewers.member!, "Quillfeather")).toEqual([]);
    expect(await bothFind(viewers.member!, "Hedda Quill")).toEqual([]);
    expect(await bothFind(viewers.member!, "quill")).toEqual([otto, nameless]);
    expect(await bothFind(viewers.member!, "hedda@quill")).toEqual([nameless]);
    expect(await bothFind(viewers.member!, `#${number.hidden}`)).toEqual([nameless]);
    // Outside the view rights' groups even the board sees only what people show everyone.
    expect(await bothFind(viewers.boardWithoutGroups!, "hedda@")).toEqual([nameless]);
    expect(await bothFind(viewers.boardWithoutGroups!, "Hedda Q")).toEqual([]);
  });

  it("a public profile: found by name and email by anyone, by the login email only by those who read members", async () => {
    const otto = [{ personId: who.open, name: "Otto Quillman", email: maskEmail("otto@quill.example") }];
    expect(await bothFind(viewers.outsider!, "otto@quill")).toEqual(otto);
    expect(await bothFind(viewers.outsider!, "otto.private")).toEqual([]);
    // Changing people is not reading them: whose private login address it is stays hidden from a writer.
    expect(await bothFind(viewers.writer!, "otto@quill")).toEqual(otto);
    expect(await bothFind(viewers.writer!, "otto.private")).toEqual([]);
    expect(await bothFind(viewers.reader!, "otto.private")).toEqual(otto);
  });
});
