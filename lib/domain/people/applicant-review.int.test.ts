import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, membershipStatuses, people } from "@/lib/db/schema";
import { isLoginRateLimited } from "../auth/login-limits";
import { rejectApplicant } from "./applicant-signup";
import { isSignupRateLimited, recordSignupAttempt } from "./signup-limits";
import { createPeopleFixture, type PeopleFixture } from "./testing/people-fixture";

let t: PeopleFixture;
beforeAll(async () => {
  t = await createPeopleFixture();
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
    const [row] = await t.db.select({ key: membershipStatuses.key, number: people.memberNumber }).from(people).innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId)).where(eq(people.id, id));
    expect(row).toEqual({ key: "former", number: null });
    const [account] = await t.db.select().from(accounts).where(eq(accounts.personId, id));
    expect(account!.disabled).toBe(true);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.subjectPersonId, id), eq(auditLog.changeType, "person.status")));
    expect(entry!.actorId).toBe(t.ids.admin);
    expect(entry!.after).toMatchObject({ status: "former", reason: "Application rejected: Lives abroad" });
    // Only applicants can be rejected: a second time is refused.
    expect(await rejectApplicant(t.db, t.ids.admin, id, "again")).toMatchObject({ ok: false, field: "status" });
  });
});

describe("sign-up rate limit", () => {
  const limits = { maxPerIp: 3, windowMinutes: 15 };
  it("counts attempts per IP within the window, apart from the login limiter", async () => {
    const now = new Date();
    for (let i = 0; i < 3; i++) {
      expect(await isSignupRateLimited(t.db, "10.7.7.7", limits, now)).toBe(false);
      await recordSignupAttempt(t.db, "10.7.7.7", now);
    }
    expect(await isSignupRateLimited(t.db, "10.7.7.7", limits, now)).toBe(true);
    expect(await isSignupRateLimited(t.db, "10.7.7.8", limits, now)).toBe(false);
    // After the window the IP may try again.
    expect(await isSignupRateLimited(t.db, "10.7.7.7", limits, new Date(now.getTime() + 16 * 60_000))).toBe(false);
    // Sign-ups do not count as failed logins from that IP.
    expect(await isLoginRateLimited(t.db, "someone@example.org", "10.7.7.7", { maxPerAccount: 1, maxPerIp: 1, windowMinutes: 15 }, now)).toBe(false);
  });
});
