import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import type { AuditNames } from "./audit-names";
import { actorText, changeLabel, fieldLabel, readableRows, valueText, type ReadableContext } from "./readable";

const empty = () => new Map<string, string>();
const names: AuditNames = {
  person: new Map([["7", "Maria Huber"]]),
  equipmentType: new Map([["3", "Laser cutter"]]),
  machine: empty(),
  location: new Map([["12", "Shelf A"]]),
  room: empty(),
  committee: empty(),
  function: empty(),
  role: new Map([
    ["admin", "Administrator"],
    ["staff", "Staff"],
  ]),
  status: new Map([["member", "Member"]]),
  membershipType: empty(),
  hiddenPeople: new Set(["9"]),
  fieldsSeen: new Map([["7", new Set(["name", "photo"] as const)]]),
  fieldsSeenOfAnyone: new Set(),
};
const en: ReadableContext = { t: translator("en"), locale: "en", timeZone: "Europe/Vienna", names };
const de: ReadableContext = { ...en, t: translator("de"), locale: "de" };
const itCtx: ReadableContext = { ...en, t: translator("it"), locale: "it" };

describe("audit entries in words", () => {
  it("labels change types, and spells out an old one without a label instead of showing the key", () => {
    expect(changeLabel(en.t, "address.update")).toBe("Address changed");
    expect(changeLabel(de.t, "address.update")).toBe("Adresse geändert");
    expect(changeLabel(en.t, "webhook.rotate_secret")).toBe("Webhook secret renewed");
    expect(changeLabel(itCtx.t, "committee.function.create")).toBe("Funzione nel comitato aggiunta");
    // An entry of a kind no longer recorded (an older version's) is spelled out, never shown as a key.
    expect(changeLabel(en.t, "retired_thing.rotate_secret")).toBe("Retired thing: rotate secret");
  });

  it("labels fields", () => {
    expect(fieldLabel(en.t, "firstName")).toBe("First name");
    expect(fieldLabel(de.t, "borrowerPersonId")).toBe("Entlehnt von");
    expect(fieldLabel(en.t, "weeklyAnnouncement")).toBe("Weekly announcement");
  });

  it("shows names for ids and keys, local times, plain dates, yes/no, and lists and records without JSON", () => {
    expect(valueText(en, "borrowerPersonId", 7)).toBe("Maria Huber");
    expect(valueText(en, "borrowerPersonId", 99)).toBe("a former member");
    expect(valueText(en, "borrowerPersonId", 9)).toBe("Name not shown");
    expect(valueText(en, "locationId", 12)).toBe("Shelf A");
    expect(valueText(en, "locationId", 13)).toBe("(removed)");
    expect(valueText(en, "roles", ["admin", "staff"])).toBe("Administrator, Staff");
    expect(valueText(en, "status", "member")).toBe("Member");
    expect(valueText(en, "status", "applicant")).toBe("Applicant");
    // 09:30 UTC is 10:30 in Vienna in winter: the saved zone, never UTC.
    const local = valueText(en, "returnedAt", "2026-01-15T09:30:00.000Z");
    expect(local).toContain("10:30");
    expect(local).not.toContain("T09");
    expect(valueText(en, "dueOn", "2026-03-29")).not.toBe("2026-03-29");
    expect(valueText(en, "isMain", true)).toBe("yes");
    expect(valueText(de, "isMain", false)).toBe("nein");
    const record = valueText(en, "values", { firstName: "Ada", equipmentTypeId: 3, loanId: 5 });
    expect(record).toBe("First name: Ada; Equipment type: Laser cutter");
    expect(valueText(en, "phone", null)).toBe("–");
  });

  it("leaves internal ids out and names the actor", () => {
    const rows = readableRows(en, { before: { loanId: 5, borrowerPersonId: 7 }, after: { returnedAt: "2026-01-15T09:30:00.000Z" } });
    expect(rows.map((r) => r.label)).toEqual(["Borrower", "Returned"]);
    expect(rows[0]).toMatchObject({ before: "Maria Huber", after: null });
    for (const r of rows) expect(`${r.before}${r.after}`).not.toMatch(/[{}"#]/);
    expect(actorText(en, 7)).toBe("by Maria Huber");
    expect(actorText(en, 8)).toBe("by a former member");
    expect(actorText(en, 9)).toBe("by Name not shown"); // a name the reader may not see: as nameShownTo's callers show it
    expect(actorText(en, null)).toBe("by the system");
  });
});

describe("a subject's recorded personal values", () => {
  const update = (subjectPersonId: number | null) => ({
    changeType: "profile.update",
    subjectPersonId,
    before: { firstName: "Ann", email: null, phone: "1", preferredLanguage: "de" },
    after: { firstName: "Anna", email: "anna@example.org", phone: "2", preferredLanguage: "en" },
  });
  const table = (rows: ReturnType<typeof readableRows>) => rows.map((r) => [r.field, r.before, r.after]);

  it("are shown only where the reader may see that field of that person, else 'Not shown' on both sides", () => {
    expect(table(readableRows(en, update(7)))).toEqual([
      ["firstName", "Ann", "Anna"],
      ["email", "Not shown", "Not shown"],
      ["phone", "Not shown", "Not shown"],
      ["preferredLanguage", "de", "en"],
    ]);
    // A subject the reader knows nothing of (erased): what the reader sees of everyone.
    expect(table(readableRows(en, update(8))).map((r) => r[2])).toEqual(["Not shown", "Not shown", "Not shown", "en"]);
    expect(readableRows(de, update(8))[0]!.after).toBe("Nicht sichtbar");
    // Every value of an address change is the address's.
    const address = { changeType: "address.share", subjectPersonId: 7, before: null, after: { sharedWith: 7, isMain: true } };
    expect(table(readableRows(en, address))).toEqual([
      ["sharedWith", null, "Not shown"],
      ["isMain", null, "Not shown"],
    ]);
  });

  it("are no one's when the entry has no subject", () => {
    expect(readableRows(en, { ...update(null), changeType: "settings.update" })[1]!.after).toBe("anna@example.org");
  });
});
