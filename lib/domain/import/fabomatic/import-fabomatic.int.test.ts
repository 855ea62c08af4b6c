import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  boardPairings,
  boards,
  cards,
  equipmentAuthorizations,
  importLinks,
  interventions,
  machines,
  maintenancePlans,
  membershipStatuses,
  people,
  personRoles,
  profiles,
  roles,
  unknownCards,
  usageSessions,
} from "@/lib/db/schema";
import { machineHours } from "../../usage/machine-hours";
import { applyFabomaticImport, dryRunFabomaticImport } from "./import-fabomatic";
import type { ImportReport } from "./report";
import { createImportFixture, modifiedSample, sampleBytes, type ImportFixture } from "./testing/fabomatic-fixture";

let t: ImportFixture;
beforeAll(async () => {
  t = await createImportFixture();
});
afterAll(() => t?.close());

const created = (r: ImportReport) => Object.fromEntries(Object.entries(r.counts).map(([k, c]) => [k, c.created]));
const rowCounts = async () => ({
  people: (await t.db.select({ n: count() }).from(people))[0]!.n,
  machines: (await t.db.select({ n: count() }).from(machines))[0]!.n,
  sessions: (await t.db.select({ n: count() }).from(usageSessions))[0]!.n,
  authorizations: (await t.db.select({ n: count() }).from(equipmentAuthorizations))[0]!.n,
  links: (await t.db.select({ n: count() }).from(importLinks))[0]!.n,
  audit: (await t.db.select({ n: count() }).from(auditLog))[0]!.n,
});
const personOf = async (email: string) => {
  const [row] = await t.db
    .select({ id: people.id, first: profiles.firstName, last: profiles.lastName, status: membershipStatuses.key, number: people.memberNumber })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(profiles.email, email));
  return row!;
};

describe("Fab-O-Matic import of the sample written by the real backend", () => {
  const expectedCreated = { type: 9, machine: 8, user: 41, authorization: 90, plan: 2, intervention: 4, use: 600, board: 5, unknownCard: 5 };

  it("dry run: tells what it would create, skip and note, and writes nothing", async () => {
    const before = await rowCounts();
    const dry = await dryRunFabomaticImport(t.db, { bytes: sampleBytes() });
    if (!dry.ok) throw new Error(dry.message);
    expect(created(dry.report)).toEqual(expectedCreated);
    expect(dry.report.skipped).toEqual([expect.objectContaining({ kind: "user", sourceId: "1", code: "placeholder_user" })]);
    expect(dry.report.conflicts).toEqual([]);
    // LASER, LATHE and 3D PRINTER authorize their machines differently: split per machine. CNC (one machine) stays one type.
    expect(
      dry.report.notes
        .filter((n) => n.code === "type_split")
        .map((n) => n.sourceId)
        .sort(),
    ).toEqual(["machine:1", "machine:233", "machine:240", "machine:288", "machine:440", "machine:445", "machine:475"]);
    expect(
      dry.report.notes
        .filter((n) => n.code === "open_use_closed")
        .map((n) => n.sourceId)
        .sort(),
    ).toEqual(["599", "600"]);
    expect(dry.report.notes.some((n) => n.code === "status_created")).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });

  it("import: people, machines with their ids as board ids, authorizations, maintenance, history and boards, audited once", async () => {
    const before = await rowCounts();
    const result = await applyFabomaticImport(t.db, t.adminId, { bytes: sampleBytes(), fileName: "sample.sqldb" });
    if (!result.ok) throw new Error(result.message);
    expect(created(result.report)).toEqual(expectedCreated);
    expect(result.report.createdPersonIds).toHaveLength(41);

    const imported = await t.db.select().from(machines).orderBy(machines.boardId);
    expect(imported.map((m) => m.boardId)).toEqual([1, 233, 240, 288, 401, 440, 445, 475]);
    expect(imported.find((m) => m.boardId === 475)).toMatchObject({ blocked: true, name: "LASER 475", blockedReason: "Blocked in Fab-O-Matic" });
    expect(imported.find((m) => m.boardId === 1)).toMatchObject({ name: "MACHINE1", autoLogoffMinutes: 480, graceMinutes: 2 });
    // Their boards (mostly without credentials) are paired with the first board heard on each machine.
    const windows = await t.db
      .select()
      .from(boardPairings)
      .where(
        inArray(
          boardPairings.machineId,
          imported.map((m) => m.id),
        ),
      );
    expect(windows.map((w) => [w.windowOpenedAt !== null, w.windowUntil, w.identityKey])).toEqual(imported.map(() => [true, null, null]));

    // Names with accents and apostrophes, statuses from disabled/deleted, the admin role from "authorize all" + "backend admin".
    const giulia = await personOf("user11-0@example.org");
    expect(giulia).toMatchObject({ first: "Giulia", last: "Šimić", status: "member", number: expect.any(Number) });
    expect(
      await t.db.select({ key: roles.key }).from(personRoles).innerJoin(roles, eq(roles.id, personRoles.roleId)).where(eq(personRoles.personId, giulia.id)),
    ).toEqual([{ key: "admin" }]);
    expect((await personOf("user11-4@example.org")).status).toBe("suspended"); // Matteo Müller, disabled
    expect((await personOf("user11-1@example.org")).status).toBe("former"); // Noor Colombo, deleted
    expect((await personOf("user11-5@example.org")).last).toBe("O'Neill");
    const [card] = await t.db.select().from(cards).where(eq(cards.uid, "cf44dd3f"));
    expect(card).toMatchObject({ personId: giulia.id, state: "active" });
    const [noEmail] = await t.db
      .select()
      .from(profiles)
      .where(and(eq(profiles.firstName, "Ana-Maria"), eq(profiles.lastName, "O'Neill")));
    expect(noEmail!.email).toBeNull();

    // History: every use, replayed ones marked, the two left open in Fab-O-Matic closed as stale; hours as Fab-O-Matic counted them.
    const sessions = await t.db.select().from(usageSessions);
    expect(sessions).toHaveLength(600);
    expect(sessions.filter((s) => s.recordedAs === "replayed")).toHaveLength(51);
    expect(sessions.filter((s) => s.endedBecause === "stale")).toHaveLength(2);
    expect(sessions.filter((s) => s.endedAt === null)).toHaveLength(0);
    const machine1 = imported.find((m) => m.boardId === 1)!;
    expect(await machineHours(t.db, machine1.id)).toBeCloseTo(155.581, 2);

    const [plan] = await t.db.select().from(maintenancePlans).where(eq(maintenancePlans.machineId, machine1.id));
    expect(plan).toMatchObject({ everyHours: 10, description: "routine check", lcdText: "CHECK MACHINE1", instructionsUrl: "https://wiki.example.org/m/1" });
    expect(await t.db.select().from(interventions).where(eq(interventions.machineId, machine1.id))).toHaveLength(1);
    expect((await t.db.select().from(boards)).map((b) => b.firmwareVersion).sort()).toEqual(["1.1.0", "1.2.0", "1.2.4", "1.3.6", "1.3.8"]);
    expect(await t.db.select().from(unknownCards)).toHaveLength(5);
    expect(await t.db.select().from(equipmentAuthorizations).where(isNull(equipmentAuthorizations.revokedAt))).toHaveLength(90);

    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "import.fabomatic"));
    expect(entry).toMatchObject({
      actorId: t.adminId,
      after: expect.objectContaining({ fileName: "sample.sqldb", counts: expect.objectContaining({ use: expect.objectContaining({ created: 600 }) }) }),
    });
    expect((await rowCounts()).people - before.people).toBe(41);
  });

  it("re-import of the same file: nothing to do, nothing written", async () => {
    const before = await rowCounts();
    const dry = await dryRunFabomaticImport(t.db, { bytes: sampleBytes() });
    expect(dry.ok && dry.report.nothingToDo).toBe(true);
    const again = await applyFabomaticImport(t.db, t.adminId, { bytes: sampleBytes() });
    if (!again.ok) throw new Error(again.message);
    expect(again.report.nothingToDo).toBe(true);
    expect(created(again.report)).toEqual(Object.fromEntries(Object.keys(expectedCreated).map((k) => [k, 0])));
    expect(again.report.counts.use.unchanged).toBe(600);
    expect(again.report.counts.user).toMatchObject({ unchanged: 41, updated: 0 });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses anyone but an administrator, and files that are not a Fab-O-Matic database", async () => {
    const member = await personOf("user11-2@example.org");
    expect(await applyFabomaticImport(t.db, member.id, { bytes: sampleBytes() })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await dryRunFabomaticImport(t.db, { bytes: new TextEncoder().encode("name,email\nx,y\n".repeat(20)) })).toMatchObject({
      ok: false,
      code: "not_sqlite",
    });
    expect(await dryRunFabomaticImport(t.db, { bytes: await modifiedSample(["DROP TABLE users"]) })).toMatchObject({ ok: false, code: "not_fabomatic" });
  });
});
