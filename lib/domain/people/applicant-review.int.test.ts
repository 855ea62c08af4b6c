import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, membershipStatuses, people } from "@/lib/db/schema";
import { rejectApplicant } from "./applicant-signup";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

describe("rejecting an applicant", () => {
  it("needs members.write and a reason, then moves them to former with the login disabled and the reason in the history", async () => {
    const id = t.ids.applicant;
    expect(await rejectApplicant(t.db, t.ids.member, id, "no")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rejectApplicant(t.db, t.ids.admin, id, "  ")).toMatchObject({ ok: false, code: "invalid", field: "reason" });
    expect(await rejectApplicant(t.db, t.ids.admin, t.ids.member, "not an applicant")).toMatchObject({ ok: false, field: "status" });
    expect(await rejectApplicant(t.db, t.ids.admin, 999_999, "ghost")).toMatchObject({ ok: false, code: "not_found" });

    expect(await rejectApplicant(t.db, t.ids.admin, id, "Lives abroad")).toEqual({ ok: true });
    const [row] = await t.db
      .select({ key: membershipStatuses.key, number: people.memberNumber })
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(eq(people.id, id));
    expect(row).toEqual({ key: "former", number: null });
    const [account] = await t.db.select().from(accounts).where(eq(accounts.personId, id));
    expect(account!.disabled).toBe(true);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectPersonId, id), eq(auditLog.changeType, "person.status")));
    expect(entry!.actorId).toBe(t.ids.admin);
    expect(entry!.after).toMatchObject({ status: "former", reason: "Application rejected: Lives abroad" });
    // Only applicants can be rejected: a second time is refused.
    expect(await rejectApplicant(t.db, t.ids.admin, id, "again")).toMatchObject({ ok: false, field: "status" });
  });
});
