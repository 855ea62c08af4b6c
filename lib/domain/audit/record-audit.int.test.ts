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

  it("never stores a board password hash, nested, in snake_case or under another name", async () => {
    await recordAudit(t.db, {
      actorId: null,
      changeType: "machine.update",
      entity: "machine",
      entityId: 8,
      before: { row: { board_password_hash: "$argon2id$v=19$m=19456,t=2,p=1$abc$def" }, list: [{ hash: "$argon2id$v=19$x" }] },
      after: { machine: { BoardPasswordHash: "$argon2id$v=19$y" }, note: "plain text stays" },
    });
    const rows = await t.db.select().from(auditLog);
    const row = rows.find((r) => r.entityId === "8")!;
    expect(JSON.stringify(row)).not.toContain("argon2");
    expect(row.after).toEqual({ machine: { BoardPasswordHash: "[redacted]" }, note: "plain text stays" });
  });
});
