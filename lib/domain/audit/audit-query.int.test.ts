import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { AUDIT_PAGE_SIZE, knownChangeTypes, listAuditEntries, parseAuditFilter } from "./audit-query";
import { recordAudit } from "./record-audit";

let t: DemoDatabase;
const tz = "Europe/Vienna";
beforeAll(async () => {
  t = await createDemoDatabase();
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

const list = (params: Record<string, string>) => listAuditEntries(t.db, parseAuditFilter(params), tz);

describe("the admin audit list", () => {
  it("lists newest first with actor and subject names", async () => {
    const r = await list({});
    expect(r.total).toBe(4);
    expect(r.rows.map((e) => e.changeType)).toEqual(["machine.block", "profile.update", "profile.update", "person.status"]);
    expect(r.rows[3]).toMatchObject({ actorName: "Ada Admin", subjectName: "Mario Rossi", after: { status: "member" } });
    expect(r.rows[0]).toMatchObject({ actorName: null, subjectName: null });
  });

  it("filters by person (name, email, member number or #id) and by actor", async () => {
    expect((await list({ person: "mario" })).rows.map((e) => e.changeType)).toEqual(["person.status"]);
    expect((await list({ person: "maria@makerspace.local" })).total).toBe(2);
    expect((await list({ person: `#${t.ids.member}` })).total).toBe(1);
    expect((await list({ actor: "Maria Huber" })).total).toBe(1);
    expect((await list({ actor: "Ada", person: "Maria" })).rows.map((e) => e.after)).toEqual([{ phone: "<b>1</b>" }]);
    expect((await list({ person: "nobody-like-this" })).total).toBe(0);
    expect((await list({ person: "100%_" })).total).toBe(0);
  });

  it("filters by change type or area, and by days in the space's time zone", async () => {
    expect((await list({ type: "profile.update" })).total).toBe(2);
    expect((await list({ type: "person.*" })).total).toBe(1);
    expect((await list({ type: "*" })).total).toBe(4);
    expect((await list({ from: "2026-03-02", to: "2026-03-05" })).rows.map((e) => e.changeType)).toEqual(["profile.update", "profile.update"]);
    expect((await list({ to: "2026-03-01" })).total).toBe(1);
    expect((await list({ from: "not a day", type: "DROP TABLE" })).total).toBe(4);
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
