import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { equipmentTypes, machines, profiles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { countingDb } from "@/lib/db/testing/query-counter";
import { translator } from "@/lib/i18n/translate";
import { FULL_SCOPE } from "../access/view-rights";
import type { NameViewer } from "../people/shown-names";
import { auditNames } from "./audit-names";
import { actorText, readableRows } from "./readable";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t.close());
/** A reader who sees every name (the board, every group). */
const seesAll: NameViewer = { personId: null, permissions: new Set(["members.read"]), viewScope: FULL_SCOPE };

it("looks up the people, types, machines, statuses and roles an entry names, in one go", async () => {
  const [maria] = await t.db.select().from(profiles).where(eq(profiles.firstName, "Maria"));
  const [laser] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter"));
  const [machine] = await t.db.select().from(machines).limit(1);
  const entries = [
    { actorId: maria!.personId, subjectPersonId: null, before: { status: "applicant", roles: [] }, after: { status: "member", roles: ["admin"] } },
    { actorId: null, subjectPersonId: maria!.personId, before: null, after: { equipmentTypeId: laser!.id, machineId: machine!.id, borrowerPersonId: 999_999 } },
  ];
  const names = await auditNames(t.db, entries, seesAll);
  expect(names.person.get(String(maria!.personId))).toBe("Maria Huber");
  expect(names.equipmentType.get(String(laser!.id))).toBe("Laser cutter");
  expect(names.machine.get(String(machine!.id))).toBe(machine!.name);
  expect(names.status.get("member")).toBeTruthy();
  expect(names.role.get("admin")).toBeTruthy();

  const ctx = { t: translator("en"), locale: "en" as const, timeZone: "Europe/Vienna", names };
  expect(actorText(ctx, maria!.personId)).toBe("by Maria Huber");
  const rows = readableRows(ctx, entries[1]!);
  expect(rows.map((r) => [r.label, r.after])).toEqual([
    ["Equipment type", "Laser cutter"],
    ["Machine", machine!.name],
    ["Borrower", "a former member"],
  ]);
});

// A history page reads the names its entries mention in one statement whose text is the same for any number of ids
// and keys, so it is prepared once (issue 20: one statement per kind, its text varying with the count of ids).
it("reads every kind's names in one statement of one text, none when nothing is named", async () => {
  const counted = countingDb(t.url);
  try {
    const [maria] = await t.db.select().from(profiles).where(eq(profiles.firstName, "Maria"));
    const [laser] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter"));
    const few = [{ actorId: maria!.personId, before: { status: "member" }, after: { roles: ["admin"] } }];
    const many = [
      ...few,
      { actorId: t.ids.admin, subjectPersonId: t.ids.member, before: { statusId: 1, type: "regular" }, after: { equipmentTypeId: laser!.id, roleId: 1 } },
      { actorId: 2 ** 40, before: null, after: { roomId: 1, machineId: 1, locationId: 1, committeeId: 1, functionId: 1, membershipTypeId: 1 } },
    ];
    await counted.db.select().from(profiles).limit(1); // the connection opened, its array types fetched
    counted.reset();
    const first = await auditNames(counted.db, few, seesAll);
    const second = await auditNames(counted.db, many, seesAll);
    expect(first.person.get(String(maria!.personId))).toBe("Maria Huber");
    expect(second.equipmentType.get(String(laser!.id))).toBe("Laser cutter");
    expect(second.person.get(String(t.ids.member))).toBeTruthy();
    expect(second.status.get("member")).toBeTruthy();
    expect(counted.queries).toHaveLength(2);
    expect(counted.queries[1]).toBe(counted.queries[0]);
    // A reader who may not see every name: the visibility rule joins the statement, whose text still does not vary.
    counted.reset();
    const member: NameViewer = { personId: maria!.personId, permissions: new Set(["directory.read"]), viewScope: FULL_SCOPE };
    await auditNames(counted.db, few, member);
    await auditNames(counted.db, many, member);
    expect(counted.queries).toHaveLength(2);
    expect(counted.queries[1]).toBe(counted.queries[0]);
    counted.reset();
    expect(await auditNames(counted.db, [{ actorId: null, before: null, after: { note: "x" } }], seesAll)).toMatchObject({ person: new Map() });
    expect(counted.queries).toHaveLength(0);
  } finally {
    await counted.close();
  }
});
