import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { diffValues, recordAudit } from "./record-audit";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("audit log", () => {
  it("keeps only the changed fields in a diff", () => {
    expect(diffValues({ a: 1, b: "x", c: [1] }, { a: 1, b: "y", c: [1], d: true })).toEqual({
      before: { b: "x", d: undefined },
      after: { b: "y", d: true },
    });
  });

  it("stores an entry and never a secret", async () => {
    await recordAudit(t.db, {
      actorId: null,
      changeType: "machine.credentials",
      entity: "machine",
      entityId: 7,
      before: { boardPasswordHash: "$argon2id$old" },
      after: { boardPasswordHash: "$argon2id$new", boardUsername: "laser" },
    });
    const [row] = await t.db.select().from(auditLog);
    expect(row).toMatchObject({ changeType: "machine.credentials", entity: "machine", entityId: "7" });
    expect(JSON.stringify(row)).not.toContain("argon2id");
    expect(row!.after).toEqual({ boardPasswordHash: "[redacted]", boardUsername: "laser" });
  });
});
