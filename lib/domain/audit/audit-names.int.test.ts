import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { equipmentTypes, machines, profiles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { translator } from "@/lib/i18n/translate";
import { auditNames } from "./audit-names";
import { actorText, readableRows } from "./readable";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t.close());

it("looks up the people, types, machines, statuses and roles an entry names, in one go", async () => {
  const [maria] = await t.db.select().from(profiles).where(eq(profiles.firstName, "Maria"));
  const [laser] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter"));
  const [machine] = await t.db.select().from(machines).limit(1);
  const entries = [
    { actorId: maria!.personId, subjectPersonId: null, before: { status: "applicant", roles: [] }, after: { status: "member", roles: ["admin"] } },
    { actorId: null, subjectPersonId: maria!.personId, before: null, after: { equipmentTypeId: laser!.id, machineId: machine!.id, borrowerPersonId: 999_999 } },
  ];
  const names = await auditNames(t.db, entries);
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
