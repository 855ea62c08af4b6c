import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { LOCALES } from "@/lib/i18n/locales";
import { auditedFields } from "./audited-fields";
import { AUDIT_CHANGE_TYPES } from "./change-types";
import { internalId } from "./readable";

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
  });
});
