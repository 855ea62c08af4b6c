import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import type { NameViewer } from "../people/shown-names";
import { AUDIT_PAGE_SIZE, knownChangeTypes, listAuditEntries, parseAuditFilter } from "./audit-query";
import { recordAudit } from "./record-audit";

let t: DemoDatabase;
let admin: NameViewer;
const tz = "Europe/Vienna";
beforeAll(async () => {
  t = await createDemoDatabase();
  admin = { personId: t.ids.admin, permissions: await permissionsOfPerson(t.db, t.ids.admin) };
  await t.db.delete(auditLog);
  const at = (iso: string) => new Date(iso);
  await t.db.insert(auditLog).values([
    {
      at: at("2026-03-01T10:00:00Z"),
      actorId: t.ids.admin,
      subjectPersonId: t.ids.member,
      changeType: "person.status",
      entity: "person",
      before: { status: "applicant" },
      after: { status: "member" },
    },
    // 23:30 UTC on 1 March is 2 March in Vienna.
    {
      at: at("2026-03-01T23:30:00Z"),
      actorId: t.ids.admin,
      subjectPersonId: t.ids.maria,
      changeType: "profile.update",
      entity: "profile",
      before: { phone: null },
      after: { phone: "<b>1</b>" },
    },
    { at: at("2026-03-05T09:00:00Z"), actorId: t.ids.maria, subjectPersonId: t.ids.maria, changeType: "profile.update", entity: "profile" },
    { at: at("2026-03-06T09:00:00Z"), actorId: null, changeType: "machine.block", entity: "machine", entityId: "3" },
  ]);
});
afterAll(() => t?.close());

const run = (viewer: NameViewer, params: Record<string, string>) => {
  const parsed = parseAuditFilter(params);
  expect(parsed.problems).toEqual({});
  return listAuditEntries(t.db, viewer, parsed.filter, tz);
};
const list = (params: Record<string, string>) => run(admin, params);

describe("the admin audit list", () => {
  it("lists newest first with actor and subject names", async () => {
    const r = await list({});
    expect(r.total).toBe(4);
    expect(r.rows.map((e) => e.changeType)).toEqual(["machine.block", "profile.update", "profile.update", "person.status"]);
    expect(r.rows[3]).toMatchObject({
      actorName: "Ada Admin",
      actorHidden: false,
      subjectName: "Mario Rossi",
      subjectHidden: false,
      after: { status: "member" },
    });
    expect(r.rows[0]).toMatchObject({ actorName: null, actorHidden: false, subjectName: null, subjectHidden: false });
  });

  it("filters by person (name, email, member number or #id) and by actor", async () => {
    expect((await list({ person: "mario" })).rows.map((e) => e.changeType)).toEqual(["person.status"]);
    expect((await list({ person: "maria@makerspace.local" })).total).toBe(2);
    expect((await list({ person: `#${t.ids.member}` })).total).toBe(1);
    expect((await list({ actor: "Maria Huber" })).total).toBe(1);
    expect((await list({ actor: "Ada", person: "Maria" })).rows.map((e) => e.after)).toEqual([{ phone: "<b>1</b>" }]);
    expect((await list({ person: "nobody-like-this" })).total).toBe(0);
    expect((await list({ person: "100%_" })).total).toBe(0);
    expect((await list({ person: "\u0001" })).total).toBe(0);
  });

  it("filters by change type or area, and by days in the space's time zone", async () => {
    expect((await list({ type: "profile.update" })).total).toBe(2);
    expect((await list({ type: "person.*" })).total).toBe(1);
    expect((await list({ type: "*" })).total).toBe(4);
    expect((await list({ from: "2026-03-02", to: "2026-03-05" })).rows.map((e) => e.changeType)).toEqual(["profile.update", "profile.update"]);
    expect((await list({ to: "2026-03-01" })).total).toBe(1);
  });

  it("pages through many entries", async () => {
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) await recordAudit(t.db, { actorId: t.ids.admin, changeType: "thing.move", entity: "test", entityId: i });
    const first = await list({ type: "thing.move" });
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 5, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await list({ type: "thing.move", page: "2" });
    expect(second.rows).toHaveLength(5);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(AUDIT_PAGE_SIZE + 5);
    expect((await list({ type: "thing.move", page: "99" })).page).toBe(2);
    expect(await knownChangeTypes(t.db)).toEqual(["machine.block", "person.status", "profile.update", "thing.move"]);
  });
});

describe("the audit list for a viewer who may not name everyone", () => {
  const nameOf = async (personId: number) => {
    const [p] = await t.db.select().from(profiles).where(eq(profiles.personId, personId));
    return `${p!.firstName} ${p!.lastName}`.trim();
  };
  /** A people desk whose view rights reach members only (the applicant is outside them). */
  const desk = async (): Promise<NameViewer> => {
    const [member] = await t.db.select({ id: membershipStatuses.id }).from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    const [m] = await t.db.select({ statusId: people.statusId }).from(people).where(eq(people.id, t.ids.member));
    expect(m!.statusId).toBe(member!.id);
    return {
      personId: t.ids.trainer,
      permissions: new Set<Permission>(["audit.read", "members.read"]),
      viewScope: { all: false, viewerId: t.ids.trainer, statusIds: [member!.id], committeeIds: [] },
    };
  };

  it("names an actor or subject outside the viewer's view rights as hidden, and those inside by name", async () => {
    await recordAudit(t.db, { actorId: t.ids.applicant, subjectPersonId: t.ids.applicant, changeType: "address.create", entity: "person" });
    await recordAudit(t.db, { actorId: t.ids.member, subjectPersonId: t.ids.member, changeType: "address.create", entity: "person" });
    const [outside, inside] = [await nameOf(t.ids.applicant), await nameOf(t.ids.member)];
    const rows = (await run(await desk(), { type: "address.create" })).rows;
    const of = (id: number) => rows.find((r) => r.actorId === id)!;
    expect(of(t.ids.applicant)).toMatchObject({ actorName: null, actorHidden: true, subjectName: null, subjectHidden: true });
    expect(JSON.stringify(rows)).not.toContain(outside);
    expect(of(t.ids.member)).toMatchObject({ actorName: inside, actorHidden: false, subjectName: inside, subjectHidden: false });
    // The board sees both.
    expect((await run(admin, { type: "address.create" })).rows.map((r) => r.actorName).sort()).toEqual([outside, inside].sort());
  });

  it("hides a board-only name from a reader who is not on the board", async () => {
    const reader: NameViewer = { personId: t.ids.maria, permissions: new Set<Permission>(["audit.read", "directory.read"]) };
    await recordAudit(t.db, { actorId: t.ids.admin, subjectPersonId: t.ids.member, changeType: "address.delete", entity: "person" });
    const [actor, subject] = [await nameOf(t.ids.admin), await nameOf(t.ids.member)];
    expect((await run(reader, { type: "address.delete" })).rows[0]).toMatchObject({ actorName: actor, subjectName: subject });
    try {
      await t.db
        .update(profiles)
        .set({ boardOnly: true })
        .where(inArray(profiles.personId, [t.ids.admin, t.ids.member]));
      const [row] = (await run(reader, { type: "address.delete" })).rows;
      expect(row).toMatchObject({ actorName: null, actorHidden: true, subjectName: null, subjectHidden: true });
      expect((await run(admin, { type: "address.delete" })).rows[0]).toMatchObject({ actorName: actor, subjectName: subject });
    } finally {
      await t.db
        .update(profiles)
        .set({ boardOnly: false })
        .where(inArray(profiles.personId, [t.ids.admin, t.ids.member]));
    }
  });

  it("filters by a person outside the viewer's view rights as by one who does not exist", async () => {
    await recordAudit(t.db, { actorId: t.ids.applicant, subjectPersonId: t.ids.applicant, changeType: "address.main", entity: "person" });
    await recordAudit(t.db, { actorId: t.ids.member, subjectPersonId: t.ids.member, changeType: "address.main", entity: "person" });
    const viewer = await desk();
    const [applicant] = await t.db.select().from(people).where(eq(people.id, t.ids.applicant));
    const [email] = await t.db.select({ email: profiles.email }).from(profiles).where(eq(profiles.personId, t.ids.applicant));
    const outside = [
      `#${t.ids.applicant}`,
      await nameOf(t.ids.applicant),
      email!.email!,
      ...(applicant!.memberNumber ? [String(applicant!.memberNumber)] : []),
    ];
    for (const text of outside) {
      expect(await run(viewer, { person: text, type: "address.main" }), text).toMatchObject({ total: 0, rows: [] });
      expect(await run(viewer, { actor: text, type: "address.main" }), text).toMatchObject({ total: 0, rows: [] });
      // The board finds them.
      expect((await run(admin, { person: text, type: "address.main" })).total, text).toBe(1);
    }
    expect(await run(viewer, { person: "#999999", type: "address.main" })).toMatchObject({ total: 0, rows: [] });
    expect((await run(viewer, { person: `#${t.ids.member}`, type: "address.main" })).total).toBe(1);
    expect((await run(viewer, { actor: await nameOf(t.ids.member), type: "address.main" })).total).toBe(1);
  });
});

describe("the audit filter's input", () => {
  it("names each value it cannot take, and keeps what was typed", () => {
    expect(parseAuditFilter({ type: "DROP TABLE" }).problems).toEqual({ type: "type" });
    expect(parseAuditFilter({ type: "person..status" }).problems).toEqual({ type: "type" });
    expect(parseAuditFilter({ type: "x".repeat(101) }).problems).toEqual({ type: "type" });
    expect(parseAuditFilter({ from: "not a day", to: "2026-02-30" }).problems).toEqual({ from: "day", to: "day" });
    expect(parseAuditFilter({ from: "0000-01-01" }).problems).toEqual({ from: "day" });
    expect(parseAuditFilter({ from: "2026-03-05", to: "2026-03-01" }).problems).toEqual({ to: "order" });
    expect(parseAuditFilter({ person: "x".repeat(201) }).problems).toEqual({ person: "tooLong" });
    expect(parseAuditFilter({ page: "abc" }).problems).toEqual({ page: "page" });
    expect(parseAuditFilter({ page: "0" }).problems).toEqual({ page: "page" });
    const typed = parseAuditFilter({ actor: " Ada ", type: "Person.Status", from: "yesterday" });
    expect(typed.typed).toMatchObject({ actor: " Ada ", type: "Person.Status", from: "yesterday" });
    expect(typed.filter).toMatchObject({ actor: "Ada", type: "" });
  });

  it("takes good values as they are", () => {
    const ok = parseAuditFilter({ actor: "Ada", person: "#12", type: "person.*", from: "2026-03-01", to: "2026-03-01", page: "2" });
    expect(ok.problems).toEqual({});
    expect(ok.filter).toEqual({ actor: "Ada", person: "#12", type: "person.*", from: "2026-03-01", to: "2026-03-01", page: 2 });
    expect(parseAuditFilter({ type: "*" }).problems).toEqual({});
    expect(parseAuditFilter({ type: ["person.status", "x"] }).filter.type).toBe("person.status");
  });
});
