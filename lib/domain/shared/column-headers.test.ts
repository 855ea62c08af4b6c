import { describe, expect, it } from "vitest";
import { LOCALES, translator } from "@/lib/i18n/translate";
import { columnHeaders, columnOfHeader } from "./column-headers";

describe("column headers", () => {
  it("are written in the reader's language", () => {
    expect(columnHeaders(translator("en"), ["firstName", "email"])).toEqual(["First name", "Email"]);
    expect(columnHeaders(translator("de"), ["firstName", "email"])).toEqual(["Vorname", "E-Mail"]);
    expect(columnHeaders(translator("nl"), ["firstName", "lender_email"])).toEqual(["Voornaam", "E-mail van de uitlener"]);
    expect(columnHeaders(translator("it"), ["firstName", "purchase_date"])).toEqual(["Nome", "Acquistato il"]);
  });

  it("are read back from the key or the label in any language", () => {
    const accepted = ["firstName", "lastName", "status", "cardUid"] as const;
    expect(columnOfHeader("firstName", accepted)).toBe("firstName");
    expect(columnOfHeader(" FIRSTNAME ", accepted)).toBe("firstName");
    expect(columnOfHeader("first_name", accepted)).toBe("firstName");
    for (const locale of LOCALES) for (const key of accepted) expect(columnOfHeader(columnHeaders(translator(locale), [key])[0]!, accepted)).toBe(key);
    expect(columnOfHeader("Nachname", accepted)).toBe("lastName");
    expect(columnOfHeader("shoe size", accepted)).toBeNull();
    expect(columnOfHeader("", accepted)).toBeNull();
    // Only the columns the caller accepts: "Email" is a column, but not one of these.
    expect(columnOfHeader("Email", accepted)).toBeNull();
  });
});
