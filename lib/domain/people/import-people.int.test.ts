import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cards, people, profiles } from "@/lib/db/schema";
import { commitImport, previewImport } from "./import-people";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

describe("CSV import", () => {
  const good = "firstName,lastName,email,phone,status,cardUid\nLinus,Lind,linus@example.org,+43 1 2,member,0A0B0C0D\nEva,Ek,,,applicant,\n";

  it("previews, then writes all rows with uppercase card uids stored lowercase", async () => {
    const preview = await previewImport(t.db, good);
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toHaveLength(2);
    expect(await commitImport(t.db, t.ids.admin, good)).toEqual({ ok: true, created: 2, skipped: 0 });
    const [card] = await t.db.select().from(cards).where(eq(cards.uid, "0a0b0c0d"));
    expect(card).toBeTruthy();
    expect((await t.db.select().from(auditLog).where(eq(auditLog.changeType, "person.import"))).length).toBe(2);
  });

  it("names every broken row and field, and writes nothing", async () => {
    const before = (await t.db.select().from(people)).length;
    const broken = [
      "firstName;lastName;email;phone;status;cardUid",
      "Ok;Person;ok@example.org;;member;",
      ";NoFirst;nofirst@example.org;;member;",
      "Dup;Mail;MARIA@makerspace.local;;member;",
      "Bad;Card;bad@example.org;;member;12345",
      "Bad;Status;bs@example.org;;emperor;",
      "Taken;Card;tc@example.org;;member;EFBEADDE",
      "Short;Row",
    ].join("\n");
    const preview = await previewImport(t.db, broken);
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([
      [3, "firstName"],
      [4, "email"],
      [5, "cardUid"],
      [6, "status"],
      [7, "cardUid"],
      [8, ""],
      [8, "status"],
    ]);
    const result = await commitImport(t.db, t.ids.admin, broken);
    expect(result).toMatchObject({ ok: false, code: "rows" });
    expect((await t.db.select().from(people)).length).toBe(before);
    expect(await commitImport(t.db, t.ids.member, good)).toMatchObject({ code: "forbidden" });
  });

  it("refuses a file without the needed columns", async () => {
    expect((await previewImport(t.db, "name,mail\nx,y\n")).errors).toEqual([
      { line: 1, field: "firstName", message: 'the column "firstName" is missing' },
      { line: 1, field: "status", message: 'the column "status" is missing' },
    ]);
  });
});

const csv = [
  "firstName,lastName,email,phone,status,cardUid",
  "Gina,Good,gina@example.org,,member,",
  "Bert,Bad,not-an-email,,member,",
  "Gus,Good,gus@example.org,,applicant,",
].join("\n");
const emails = ["gina@example.org", "gus@example.org"];
const imported = () => t.db.select({ email: profiles.email }).from(profiles).where(inArray(profiles.email, emails));

describe("CSV import, skipping the rows the admin saw fail", () => {
  it("writes the good rows only when exactly the previewed bad lines are skipped", async () => {
    const preview = await previewImport(t.db, csv);
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([[3, "email"]]);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 4]);

    // Without confirming the skip, nothing is written.
    expect(await commitImport(t.db, t.ids.admin, csv)).toMatchObject({ ok: false, code: "rows" });
    // Skipping some other line does not cover line 3.
    expect(await commitImport(t.db, t.ids.admin, csv, { skipLines: [2] })).toMatchObject({ ok: false, code: "rows" });
    // The header cannot be skipped away.
    expect(await commitImport(t.db, t.ids.admin, "name\nx", { skipLines: [1, 2] })).toMatchObject({ ok: false, code: "rows" });
    expect(await imported()).toEqual([]);

    expect(await commitImport(t.db, t.ids.member, csv, { skipLines: [3] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await commitImport(t.db, t.ids.admin, csv, { skipLines: [3] })).toEqual({ ok: true, created: 2, skipped: 1 });
    expect((await imported()).map((r) => r.email).sort()).toEqual(emails);
    const [gina] = await t.db
      .select({ number: people.memberNumber })
      .from(people)
      .innerJoin(profiles, eq(profiles.personId, people.id))
      .where(eq(profiles.email, "gina@example.org"));
    expect(gina!.number).toEqual(expect.any(Number));
  });

  it("refuses when a new problem appeared since the preview (the same file again: emails now taken)", async () => {
    const result = await commitImport(t.db, t.ids.admin, csv, { skipLines: [3] });
    expect(result).toMatchObject({ ok: false, code: "rows" });
    expect((await imported()).length).toBe(2);
  });

  it("refuses a file whose every row is skipped", async () => {
    const bad = "firstName,lastName,email,phone,status,cardUid\nX,Y,broken,,member,\n";
    expect(await commitImport(t.db, t.ids.admin, bad, { skipLines: [2] })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("reads headers in any language, as an export in the reader's language writes them (the keys still work)", async () => {
    const german = "Vorname,Nachname,E-Mail,Status\nHanna,Huber,hanna@example.org,member\n";
    const preview = await previewImport(t.db, german);
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]!.profile).toMatchObject({ firstName: "Hanna", lastName: "Huber", email: "hanna@example.org" });
    const italian = await previewImport(t.db, "Nome;Cognome;Stato\nLuca;Bianchi;member\n");
    expect(italian.errors).toEqual([]);
    expect(italian.rows[0]!.profile).toMatchObject({ firstName: "Luca", lastName: "Bianchi" });
  });
});
