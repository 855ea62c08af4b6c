import { describe, expect, it } from "vitest";
import { checkViolation, constraintOf, databaseViolation, foreignKeyViolation, uniqueViolation } from "./db-errors";

// The shapes postgres.js and drizzle produce; the integration tests of inventory, people and mailing lists meet the real ones.
const pg = (code: string, constraint_name?: string) => Object.assign(new Error("refused"), { code, constraint_name });
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: insert …"), { cause });

describe("databaseViolation", () => {
  it.each([
    ["23505", "unique"],
    ["23503", "foreign_key"],
    ["23514", "check"],
    ["23502", "not_null"],
    ["23P01", "exclusion"],
  ])("reads SQLSTATE %s as %s, bare or wrapped by drizzle", (code, kind) => {
    expect(databaseViolation(pg(code, "some_rule"))).toEqual({ kind, constraint: "some_rule" });
    expect(databaseViolation(wrapped(pg(code, "some_rule")))).toEqual({ kind, constraint: "some_rule" });
    expect(databaseViolation(wrapped(wrapped(pg(code))))).toEqual({ kind, constraint: "" });
  });

  it("is null for anything else", () => {
    for (const error of [new Error("boom"), pg("40001"), pg("P0001"), null, undefined, "text", 42, wrapped(new Error("x"))])
      expect(databaseViolation(error)).toBeNull();
  });

  it("answers each question only for its own kind", () => {
    const unique = wrapped(pg("23505", "things_name_idx"));
    expect(uniqueViolation(unique)).toBe("things_name_idx");
    expect(foreignKeyViolation(unique)).toBeNull();
    expect(checkViolation(unique)).toBeNull();
    expect(foreignKeyViolation(pg("23503", "fk"))).toBe("fk");
    expect(checkViolation(pg("23514", "inventory_locations_no_cycle"))).toBe("inventory_locations_no_cycle");
    expect(constraintOf(pg("23514", "inventory_locations_no_cycle"))).toBe("inventory_locations_no_cycle");
    expect(constraintOf(pg("23505"))).toBeUndefined();
    expect(constraintOf(new Error("boom"))).toBeUndefined();
  });
});
