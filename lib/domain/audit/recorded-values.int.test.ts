import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, membershipStatuses, profiles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { translator } from "@/lib/i18n/translate";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import type { NameViewer } from "../people/shown-names";
import { listAuditEntries, parseAuditFilter } from "./audit-query";
import { readableHistory } from "./readable-history";
import { recordAudit } from "./record-audit";

// The change table of the audit log (and every history, readableHistory) shows a subject's recorded personal values
// only to a reader who may see that field of that person: the person's visibility, the reader's view rights.
let t: DemoDatabase;
let admin: NameViewer;
beforeAll(async () => {
  t = await createDemoDatabase();
  admin = { personId: t.ids.admin, permissions: await permissionsOfPerson(t.db, t.ids.admin) };
  await t.db.delete(auditLog);
  for (const subject of [t.ids.applicant, t.ids.member]) {
    await recordAudit(t.db, {
      actorId: t.ids.admin,
      subjectPersonId: subject,
      changeType: "profile.update",
      entity: "profile",
      entityId: subject,
      before: { firstName: `Old${subject}`, lastName: "Secret", email: `old${subject}@example.org`, phone: "+43 1 111", preferredLanguage: "de" },
      after: { firstName: `New${subject}`, lastName: "Hidden", email: `new${subject}@example.org`, phone: "+43 1 222", preferredLanguage: "en" },
    });
    await recordAudit(t.db, {
      actorId: t.ids.admin,
      subjectPersonId: subject,
      changeType: "address.update",
      entity: "address",
      entityId: 1,
      before: { street: `Old street ${subject}`, city: "Graz" },
      after: { street: `New street ${subject}`, city: "Linz" },
    });
  }
});
afterAll(() => t?.close());

const en = translator("en");
/** The audit page's entries for this reader, as the page loads them: field → [before, after], by subject. */
async function tables(viewer: NameViewer, type: string) {
  const parsed = parseAuditFilter({ type });
  const { rows } = await listAuditEntries(t.db, viewer, parsed.filter, "Europe/Vienna");
  const entries = await readableHistory(t.db, rows, { t: en, locale: "en", timeZone: "Europe/Vienna", viewer });
  return {
    rows,
    of: (subject: number) => Object.fromEntries(entries.find((e) => e.entry.subjectPersonId === subject)!.rows.map((r) => [r.field, [r.before, r.after]])),
  };
}
const NOT = ["Not shown", "Not shown"];

describe("a subject's recorded values in the audit log", () => {
  /** A people desk whose view rights reach members only (the applicant is outside them). */
  const desk = async (): Promise<NameViewer> => {
    const [member] = await t.db.select({ id: membershipStatuses.id }).from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    return {
      personId: t.ids.trainer,
      permissions: new Set<Permission>(["audit.read", "members.read"]),
      viewScope: { all: false, viewerId: t.ids.trainer, statusIds: [member!.id], committeeIds: [] },
    };
  };

  it("hides the name, contact and address of a subject outside the reader's view rights, and shows those inside", async () => {
    const viewer = await desk();
    const { of, rows } = await tables(viewer, "profile.update");
    const a = t.ids.applicant;
    expect(of(a)).toEqual({ firstName: NOT, lastName: NOT, email: NOT, phone: NOT, preferredLanguage: ["de", "en"] });
    const m = t.ids.member;
    expect(of(m)).toMatchObject({
      firstName: [`Old${m}`, `New${m}`],
      email: [`old${m}@example.org`, `new${m}@example.org`],
      phone: ["+43 1 111", "+43 1 222"],
    });
    const address = await tables(viewer, "address.update");
    expect(address.of(a)).toEqual({ street: NOT, city: NOT });
    expect(address.of(m)).toEqual({ street: [`Old street ${m}`, `New street ${m}`], city: ["Graz", "Linz"] });
    // The desk opens the member's page, not the applicant's (nor the admin's, a staff member outside its rights).
    expect(rows.find((r) => r.subjectPersonId === m)).toMatchObject({ subjectLinked: true });
    expect(rows.find((r) => r.subjectPersonId === a)).toMatchObject({ subjectLinked: false, subjectHidden: true });
  });

  it("hides a board-only subject's values from a reader not on the board; the board sees everything", async () => {
    const reader: NameViewer = { personId: t.ids.maria, permissions: new Set<Permission>(["audit.read", "directory.read"]) };
    const m = t.ids.member;
    const before = (await tables(reader, "profile.update")).of(m);
    // A fellow member sees the name (members by default), not the email or phone (the board's by default).
    expect(before).toMatchObject({ firstName: [`Old${m}`, `New${m}`], email: NOT, phone: NOT });
    try {
      await t.db
        .update(profiles)
        .set({ boardOnly: true })
        .where(inArray(profiles.personId, [m]));
      const { of, rows } = await tables(reader, "profile.update");
      expect(of(m)).toEqual({ firstName: NOT, lastName: NOT, email: NOT, phone: NOT, preferredLanguage: ["de", "en"] });
      expect((await tables(reader, "address.update")).of(m)).toEqual({ street: NOT, city: NOT });
      // Without members.read no person's page opens.
      expect(rows.every((r) => !r.subjectLinked && !r.actorLinked)).toBe(true);
      const board = await tables(admin, "profile.update");
      expect(board.of(m)).toEqual({
        firstName: [`Old${m}`, `New${m}`],
        lastName: ["Secret", "Hidden"],
        email: [`old${m}@example.org`, `new${m}@example.org`],
        phone: ["+43 1 111", "+43 1 222"],
        preferredLanguage: ["de", "en"],
      });
      expect(board.rows.every((r) => r.subjectLinked && r.actorLinked)).toBe(true);
    } finally {
      await t.db
        .update(profiles)
        .set({ boardOnly: false })
        .where(inArray(profiles.personId, [m]));
    }
  });
});
