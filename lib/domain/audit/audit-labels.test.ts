import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { LOCALES } from "@/lib/i18n/locales";
import { auditedFields } from "./audited-fields";
import { AUDIT_CHANGE_TYPES } from "./change-types";
import { GUARDED_VALUE_FIELDS } from "./personal-fields";
import { internalId } from "./readable";

/** Recorded fields that read like a person's data but are none of the subject's profile (personal-fields.ts). */
const NOT_THE_SUBJECTS = [
  "address", // a mailing list's address
  "capacity", // ("city" within it)
  "boardEmail", // the space's settings
  "mailFrom",
  "mailmanSync",
  "boardUsername",
  "contactEmail",
  "emailConfirmed", // whether a login's email is confirmed, not the email
  "fileName",
  "guestEmail", // an event's guest: no person of the space
  "mainAddressId", // an internal id (not shown)
  "name", // the name of a thing, room, list, study field…
  "partnerRate", // a membership type's
  "photoKey", // a thing's photo
  "photoPath", // a machine's photo
  "remoteAddress", // a board's network address
  "sensorName",
  "studiesMoved", // a count
];
const LOOKS_PERSONAL = /name|mail|phone|street|city|postal|country|address|photo|partner|company|job|interest|stud|birth/i;

/*
 * The history shows labels, never keys: every change type recordAudit accepts (AUDIT_CHANGE_TYPES, which the
 * type of recordAudit enforces) and every field its entries can carry (read from the code by the TypeScript
 * checker) has a written label in every language.
 */
const missingIn = (prefix: string, names: readonly string[]) =>
  LOCALES.flatMap((locale) => names.filter((n) => !(`${prefix}${n}` in CATALOGS[locale])).map((n) => `${locale}: ${prefix}${n}`));

describe("audit labels", () => {
  it("every change type has a label in every language", () => {
    expect(missingIn("audit.type.", AUDIT_CHANGE_TYPES)).toEqual([]);
  });

  it("every audited field has a label in every language, and every audit call says which fields it writes", { timeout: 300_000 }, () => {
    const { fields, unknownShapes } = auditedFields(path.resolve(import.meta.dirname, "../../.."));
    // Values typed only as Record<string, unknown> hide their fields from this test: type them (see diffValues).
    expect(unknownShapes).toEqual([]);
    const shown = [...fields.keys()].filter((f) => !internalId(f)).sort();
    expect(shown.length).toBeGreaterThan(100);
    expect(missingIn("audit.field.", shown)).toEqual([]);
    // A new field that looks like a person's data is decided: guarded by a profile visibility, or named as none
    // (the visibility settings themselves, "visibility.name", are no value of a field).
    const undecided = [...fields.keys()].filter(
      (f) => LOOKS_PERSONAL.test(f) && !f.startsWith("visibility.") && !GUARDED_VALUE_FIELDS.includes(f) && !NOT_THE_SUBJECTS.includes(f),
    );
    expect(undecided).toEqual([]);
  });
});
