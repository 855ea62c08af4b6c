import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { equipmentAuthorizations, equipmentTypes, trainingPrerequisites, trainingSessions, trainingSignups } from "@/lib/db/schema";
import { countingDb, type CountingDb } from "@/lib/db/testing/query-counter";
import { permissionsOfPerson } from "../access/person-permissions";
import { decideSignup } from "../training/decide-signup";
import { loadSignupFacts } from "../training/eligibility";
import { listUpcomingSessions } from "../training/session-queries";
import { openSignupsOf } from "../training/training-state";
import { missingPrerequisites } from "../training/prerequisites";
import { days, demoWorld, hours, type DemoWorld } from "../training/testing/training-fixture";
import { getMyEquipment } from "./my-equipment";

let w: DemoWorld;
let counted: CountingDb;
beforeAll(async () => {
  w = await demoWorld();
  counted = countingDb(w.t.url);
});
afterAll(async () => {
  await counted?.close();
  await w?.t.close();
});

/** A session on a type starting in `inDays` days. */
async function session(equipmentTypeId: number, level: "user" | "owner" | "trainer", inDays: number, capacity = 3) {
  const [row] = await w.t.db
    .insert(trainingSessions)
    .values({ equipmentTypeId, level, startsAt: days(inDays), endsAt: hours(2, days(inDays)), capacity })
    .returning();
  return row!;
}

/** More types, each with prerequisites on its upper levels and upcoming sessions: what grows on a real space. */
async function addTypes(prefix: string, count: number) {
  for (let i = 0; i < count; i++) {
    const [type] = await w.t.db
      .insert(equipmentTypes)
      .values({ name: `${prefix} ${i}` })
      .returning();
    await w.t.db.insert(trainingPrerequisites).values([
      { equipmentTypeId: type!.id, level: "owner", requiresEquipmentTypeId: type!.id, requiresLevel: "user" },
      { equipmentTypeId: type!.id, level: "trainer", requiresEquipmentTypeId: type!.id, requiresLevel: "owner" },
      { equipmentTypeId: type!.id, level: "trainer", requiresEquipmentTypeId: w.types.laser, requiresLevel: "user" },
    ]);
    await session(type!.id, "user", 3 + i);
    await session(type!.id, "owner", 4 + i);
  }
}

describe("my equipment's loader", () => {
  it("asks the database a fixed number of times however many types, levels, prerequisites and sessions", async () => {
    await addTypes("FEW", 1);
    const permissions = await permissionsOfPerson(w.t.db, w.ids.maria);
    await getMyEquipment(counted.db, w.ids.maria, { permissions }); // the connection's own first questions not counted
    counted.reset();
    const before = await getMyEquipment(counted.db, w.ids.maria, { permissions });
    const asked = counted.queries.length;
    await addTypes("MANY", 5);
    counted.reset();
    const after = await getMyEquipment(counted.db, w.ids.maria, { permissions });
    // One query per type and level (the prerequisites) or per session (its sign-up preview) would add dozens.
    expect(counted.queries.length).toBe(asked);
    expect(after.length).toBe(before.length + 5);
    expect(after.filter((t) => t.name.startsWith("MANY")).flatMap((t) => t.sessions)).toHaveLength(5);
    // Given the session's permissions it does not read them again.
    expect(counted.queries.filter((q) => q.includes("role_permissions"))).toEqual([]);
  });

  it("says what each person misses and whether they may sign up exactly as the sign-up's own checks do", { timeout: 120_000 }, async () => {
    // Maria: a revoked laser user record, a lapsed printer owner, a seat on a cnc session; the applicant: the induction.
    await w.t.db.insert(trainingPrerequisites).values([
      { equipmentTypeId: w.types.cnc, level: "owner", requiresEquipmentTypeId: w.types.laser, requiresLevel: "user" },
      { equipmentTypeId: w.types.cnc, level: "owner", requiresEquipmentTypeId: w.types.printer, requiresLevel: "owner" },
    ]);
    await w.t.db.insert(equipmentAuthorizations).values([
      { personId: w.ids.maria, equipmentTypeId: w.types.laser, level: "user", source: "grant", revokedAt: days(-2) },
      { personId: w.ids.maria, equipmentTypeId: w.types.printer, level: "owner", source: "grant", expiresAt: days(-1) },
      { personId: w.ids.maria, equipmentTypeId: w.types.printer, level: "trainer", source: "grant", expiresAt: days(1) },
    ]);
    const cncUser = await session(w.types.cnc, "user", 2);
    await session(w.types.cnc, "owner", 2);
    await session(w.types.printer, "trainer", 2); // Maria's trainer record runs out on the first day: she may renew
    await session(w.types.org, "user", 2);
    const full = await session(w.types.laser, "user", 2, 1); // its one seat taken: the waitlist
    await w.t.db.insert(trainingSignups).values([
      { sessionId: cncUser.id, personId: w.ids.maria, status: "signed_up" },
      { sessionId: full.id, personId: w.ids.admin, status: "signed_up" },
    ]);

    const now = new Date();
    let compared = 0;
    for (const personId of Object.values(w.ids)) {
      const mine = await getMyEquipment(w.t.db, personId, { now });
      // Every upcoming session is shown where the person holds an open place on it or the sign-up would take them.
      const upcoming = await listUpcomingSessions(w.t.db, { personId, permissions: await permissionsOfPerson(w.t.db, personId) }, { now });
      const open = new Set((await openSignupsOf(w.t.db, personId, now)).map((o) => o.sessionId));
      const offered = [];
      for (const s of upcoming) {
        const facts = await loadSignupFacts(w.t.db, personId, s, s.seatsTaken, now);
        if (open.has(s.id) || decideSignup(facts!).ok) offered.push(s.id);
      }
      expect(mine.flatMap((t) => t.sessions.map((s) => s.id)).sort()).toEqual(offered.sort());
      for (const type of mine) {
        for (const level of type.levels) {
          if (level.current) continue;
          expect([type.name, level.level, level.missing]).toEqual([
            type.name,
            level.level,
            await missingPrerequisites(w.t.db, personId, type.id, level.level, now),
          ]);
          compared++;
        }
        for (const s of type.sessions) {
          const facts = await loadSignupFacts(w.t.db, personId, s, s.seatsTaken, now);
          expect([type.name, s.level, s.decision]).toEqual([type.name, s.level, decideSignup(facts!)]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(30);
    const maria = await getMyEquipment(w.t.db, w.ids.maria, { now });
    const cnc = maria.find((t) => t.id === w.types.cnc)!;
    expect(cnc.sessions.find((s) => s.id === cncUser.id)).toMatchObject({ mine: "signed_up", decision: { ok: false, reason: "already_signed_up" } });
    expect(cnc.levels.find((l) => l.level === "owner")!.missing.map((m) => [m.typeName, m.level])).toEqual([
      ["3D printer", "owner"],
      ["Laser cutter", "user"],
    ]);
  });
});
