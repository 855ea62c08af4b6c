import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { mailingLists, membershipStatuses, people, roles } from "@/lib/db/schema";
import { createPerson } from "../people/create-person";
import { assignFunction, createCommittee, createFunction } from "../people/committee-service";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { listMembers, membersAsCsv, membersAsText } from "./list-members";
import { createMailingList, deleteMailingList, getMailingList, updateMailingList } from "./lists";
import { mailmanClient, mailmanConfigFrom, mailmanListId } from "./mailman-client";
import { optInListsFor, setOptIn } from "./opt-ins";
import { syncAllMailingLists, syncMailingList } from "./sync";
import { addToFake, startFakeMailman, type FakeMailman } from "./testing/fake-mailman";

let f: DemoDatabase;
let mailman: FakeMailman;
const statusId: Record<string, number> = {};
let board = 0;
let announce = 0;
let makers = 0;
let chair = 0;
let formerMember = 0;

const emails = async (listId: number) => (await listMembers(f.db, listId)).map((m) => m.email);
const client = () => mailmanClient(mailmanConfigFrom(mailman.url.replace("http://", "http://restadmin:restpass@"))!);
const onServer = (address: string) => [...mailman.lists.get(mailmanListId(address))!.values()].map((m) => m.email).sort();

beforeAll(async () => {
  f = await createDemoDatabase();
  for (const s of await f.db.select().from(membershipStatuses)) statusId[s.key] = s.id;
  mailman = await startFakeMailman({ listIds: ["announce.space.test", "board.space.test", "makers.space.test"] });
  const committee = await createCommittee(f.db, f.ids.admin, { name: "Board" });
  if (!committee.ok) throw new Error(committee.message);
  const fn = await createFunction(f.db, f.ids.admin, { committeeId: committee.committeeId, name: "Chair" });
  if (!fn.ok) throw new Error(fn.message);
  chair = (await createPerson(f.db, { statusKey: "member", firstName: "Chris", lastName: "Chair", email: "Chris@Space.test", assignMemberNumber: true }))
    .personId;
  await assignFunction(f.db, f.ids.admin, { functionId: fn.functionId, personId: chair, since: "2020-01-01" });
  formerMember = (await createPerson(f.db, { statusKey: "former", firstName: "Frida", email: "frida@space.test" })).personId;
  const made = [
    await createMailingList(f.db, f.ids.admin, {
      name: "Announcements",
      address: "announce@space.test",
      statusIds: [statusId.member!, statusId.supporting!, statusId.former!],
      mailmanSync: true,
    }),
    await createMailingList(f.db, f.ids.admin, { name: "Board", address: "board@space.test", committeeIds: [committee.committeeId], mailmanSync: true }),
    await createMailingList(f.db, f.ids.admin, {
      name: "Makers",
      address: "Makers@Space.test",
      description: "Chat about projects",
      optIn: true,
      mailmanSync: true,
    }),
  ];
  [announce, board, makers] = made.map((m) => (m.ok ? m.id : Number.NaN)) as [number, number, number];
});
afterAll(async () => {
  await mailman.close();
  await f.close();
});

describe("mailing lists as records", () => {
  it("only people with members.write manage lists; bad input and duplicates are refused with a reason", async () => {
    expect(await createMailingList(f.db, f.ids.member, { name: "X", address: "x@space.test" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createMailingList(f.db, f.ids.admin, { name: "X", address: "not an address" })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "address",
    });
    expect(await createMailingList(f.db, f.ids.admin, { name: "Other", address: "MAKERS@space.test" })).toMatchObject({ ok: false, code: "duplicate" });
    expect(await createMailingList(f.db, f.ids.admin, { name: "Y", address: "y@space.test", statusIds: [999999] })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "rules",
    });
    const list = await getMailingList(f.db, makers);
    expect(list).toMatchObject({ address: "makers@space.test", optIn: true, statusIds: [], committeeIds: [] });
  });

  it("computes who is on a list from statuses, committees (current functions), roles and opt-ins", async () => {
    // Members, supporting members and former members by status; never the applicant; erased or mail-less people never.
    const a = await emails(announce);
    expect(a).toEqual(expect.arrayContaining(["member@makerspace.local", "chris@space.test", "frida@space.test"]));
    expect(a).not.toContain("applicant@makerspace.local");
    expect(await emails(board)).toEqual(["chris@space.test"]);
    expect(await emails(makers)).toEqual([]);
    const [trainer] = await f.db.select().from(roles).where(eq(roles.key, "trainer"));
    await updateMailingList(f.db, f.ids.admin, board, {
      name: "Board",
      address: "board@space.test",
      roleIds: [trainer!.id],
      committeeIds: (await getMailingList(f.db, board))!.committeeIds,
      mailmanSync: true,
    });
    expect(await emails(board)).toEqual(["chris@space.test", "trainer@makerspace.local"]);
  });

  it("members manage their own opt-ins, only on opt-in lists and only while they may log in", async () => {
    expect(await optInListsFor(f.db, f.ids.member)).toEqual([expect.objectContaining({ id: makers, name: "Makers", subscribed: false })]);
    expect(await setOptIn(f.db, f.ids.member, makers, true)).toEqual({ ok: true });
    expect(await setOptIn(f.db, f.ids.member, makers, true)).toEqual({ ok: true });
    expect(await setOptIn(f.db, f.ids.maria, makers, true)).toEqual({ ok: true });
    expect(await setOptIn(f.db, f.ids.member, announce, true)).toMatchObject({ ok: false, code: "not_opt_in" });
    expect(await setOptIn(f.db, formerMember, makers, true)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await optInListsFor(f.db, f.ids.member))[0]!.subscribed).toBe(true);
    expect(await emails(makers)).toEqual(["maria@makerspace.local", "member@makerspace.local"]);
    expect(await setOptIn(f.db, f.ids.maria, makers, false)).toEqual({ ok: true });
    expect(await emails(makers)).toEqual(["member@makerspace.local"]);
  });

  it("exports one address per line and as formula-safe CSV", async () => {
    const members = await listMembers(f.db, board);
    expect(membersAsText(members)).toBe("chris@space.test\ntrainer@makerspace.local\n");
    const csv = membersAsCsv(translator("en"), members);
    expect(csv.split("\r\n")[0]).toBe("Email,Name,Member number");
    expect(csv).toContain("chris@space.test,Chris Chair,");
  });
});

describe("sync to Mailman 3", () => {
  it("a dry run shows the differences and changes nothing", async () => {
    addToFake(mailman, "announce.space.test", "Gone@Example.org");
    addToFake(mailman, "announce.space.test", "MEMBER@makerspace.local");
    const before = mailman.requests.length;
    const r = await syncMailingList(f.db, f.ids.admin, client(), announce, { dryRun: true });
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.unsubscribe.map((u) => u.email)).toEqual(["Gone@Example.org"]);
    expect(r.plan.subscribe.map((s) => s.email)).toEqual(expect.arrayContaining(["chris@space.test", "frida@space.test"]));
    expect(r.plan.subscribe.map((s) => s.email)).not.toContain("member@makerspace.local");
    expect(r.plan.unchanged).toBe(1);
    expect(mailman.requests.slice(before).every((q) => q.method === "GET")).toBe(true);
    expect(onServer("announce@space.test")).toEqual(["Gone@Example.org", "MEMBER@makerspace.local"]);
  });

  it("applies the differences on demand (pre-approved subscriptions, deletes by member id) and records the outcome", async () => {
    const r = await syncMailingList(f.db, f.ids.admin, client(), announce, { dryRun: false });
    if (!r.ok) throw new Error(r.message);
    expect(r.outcome).toMatchObject({ unsubscribed: 1, failures: [] });
    const wanted = await emails(announce);
    expect(
      onServer("announce@space.test")
        .map((e) => e.toLowerCase())
        .sort(),
    ).toEqual(wanted.sort());
    const subscribe = mailman.requests.find((q) => q.method === "POST" && q.body.includes("chris%40space.test"))!;
    expect(Object.fromEntries(new URLSearchParams(subscribe.body))).toMatchObject({
      list_id: "announce.space.test",
      display_name: "Chris Chair",
      pre_verified: "true",
      pre_confirmed: "true",
      pre_approved: "true",
    });
    const [row] = await f.db.select().from(mailingLists).where(eq(mailingLists.id, announce));
    expect(row!.lastSyncResult).toMatch(/subscribed, 1 unsubscribed/);
    // A second run has nothing to do.
    const again = await syncMailingList(f.db, f.ids.admin, client(), announce, { dryRun: true });
    expect(again.ok && again.plan.subscribe.length + again.plan.unsubscribe.length).toBe(0);
  });

  it("the scheduled job syncs every list marked for Mailman; a banned member is taken off the board list", async () => {
    await syncAllMailingLists(f.db, client());
    expect(onServer("board@space.test")).toEqual(["chris@space.test", "trainer@makerspace.local"]);
    expect(onServer("makers@space.test")).toEqual(["member@makerspace.local"]);
    await f.db.update(people).set({ statusId: statusId.banned! }).where(eq(people.id, chair));
    const summary = await syncAllMailingLists(f.db, client());
    expect(summary).toContain("Board: 0 subscribed, 1 unsubscribed");
    expect(onServer("board@space.test")).toEqual(["trainer@makerspace.local"]);
    expect(onServer("announce@space.test")).not.toContain("chris@space.test");
  });

  it("reports an unreachable server, wrong credentials, a missing list and a refused subscription clearly", async () => {
    const down = mailmanClient({ baseUrl: "http://127.0.0.1:9/3.1", user: "u", password: "p" });
    expect(await syncMailingList(f.db, f.ids.admin, down, announce, { dryRun: true })).toMatchObject({
      ok: false,
      code: "mailman",
      message: expect.stringContaining("not reachable"),
    });
    const wrong = mailmanClient({ baseUrl: mailman.url, user: "restadmin", password: "nope" });
    expect(await syncMailingList(f.db, f.ids.admin, wrong, announce, { dryRun: true })).toMatchObject({
      ok: false,
      code: "mailman",
      message: expect.stringContaining("credentials"),
    });
    expect(await syncMailingList(f.db, f.ids.admin, null, announce, { dryRun: true })).toMatchObject({ ok: false, code: "not_configured" });
    expect(await syncMailingList(f.db, f.ids.member, client(), announce, { dryRun: true })).toMatchObject({ ok: false, code: "forbidden" });
    const lost = await createMailingList(f.db, f.ids.admin, { name: "Lost", address: "lost@space.test", statusIds: [statusId.member!], mailmanSync: true });
    expect(await syncMailingList(f.db, f.ids.admin, client(), lost.ok ? lost.id : 0, { dryRun: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining("does not exist"),
    });
    await expect(syncAllMailingLists(f.db, client())).rejects.toThrow(/Lost: The list lost.space.test does not exist/);
    await deleteMailingList(f.db, f.ids.admin, lost.ok ? lost.id : 0);
    // One refused call is counted and reported; the rest of the list is still synced.
    await setOptIn(f.db, f.ids.maria, makers, true);
    await setOptIn(f.db, f.ids.trainer, makers, true);
    mailman.failNext(2); // the roster read, then the first subscription
    await expect(syncAllMailingLists(f.db, client())).rejects.toThrow();
    const result = await syncMailingList(f.db, f.ids.admin, client(), makers, { dryRun: false });
    expect(result.ok && result.outcome!.failures).toEqual([]);
    expect(onServer("makers@space.test")).toEqual(["maria@makerspace.local", "member@makerspace.local", "trainer@makerspace.local"]);
  });

  it("reads long rosters page by page", async () => {
    for (let i = 0; i < 1200; i++) addToFake(mailman, "makers.space.test", `extra${i}@example.org`);
    const r = await syncMailingList(f.db, f.ids.admin, client(), makers, { dryRun: true });
    expect(r.ok && r.plan.unsubscribe.length).toBe(1200);
    expect(mailman.requests.filter((q) => q.path.startsWith("/3.1/lists/makers.space.test/roster/member?count=500&page=")).length).toBeGreaterThanOrEqual(3);
  });
});
