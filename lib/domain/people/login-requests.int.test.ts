import { FULL_SCOPE } from "../access/view-rights";
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditLog, profiles } from "@/lib/db/schema";
import { loginStateOf } from "../auth/login-state";
import { confirmApplicant, listPendingApplicants, signUpApplicant } from "./applicant-signup";
import { approveLoginRequest, listLoginRequests, mailLoginApproved, rejectLoginRequest } from "./login-requests";
import { countWaitingApplications } from "./waiting-applications";
import { newcomersWithInbox } from "./testing/newcomer";
import { unfold } from "@/lib/domain/mail/testing/smtp-inbox";

const t = newcomersWithInbox();
const { newcomer, mailsTo, login } = t;

describe("login requests: sign-up with the address of a person here without a login", () => {
  it("sign-up with the address of a person already here without a login: after the mailed link, an admin links the login to that record", async () => {
    const id = await newcomer("returning@example.org", { preferredLanguage: "de" });
    expect(
      await signUpApplicant(t.db, t.inbox.mailer, {
        firstName: "Re",
        lastName: "Turning",
        email: "Returning@example.org",
        password: "typed-password-1",
        preferredLanguage: "nl",
      }),
    ).toEqual({ ok: true, personId: null });
    const records = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(profiles)
          .where(eq(sql`lower(${profiles.email})`, "returning@example.org"))
      )[0]!.n;
    expect(await records()).toBe(1);
    // No login before the address is confirmed, nor after, until an admin approves.
    expect(await t.db.select().from(accounts).where(eq(accounts.personId, id))).toEqual([]);
    const mail = unfold(mailsTo("returning@example.org").at(-1)!.raw);
    expect(mail).toContain("al in onze administratie"); // in the language chosen on the form
    const token = decodeURIComponent(mail.match(/\/signup\/confirm\?token=([A-Za-z0-9_%-]+)/)![1]!);
    expect(await listLoginRequests(t.db, FULL_SCOPE)).toEqual([]);
    const waitingBefore = await countWaitingApplications(t.db, FULL_SCOPE);
    expect(await confirmApplicant(t.db, token)).toEqual({ ok: true, personId: id, kind: "login_request" });
    // The people list's link counts it with the applications, as the applicants page lists them.
    expect(await countWaitingApplications(t.db, FULL_SCOPE)).toBe(waitingBefore + 1);
    expect(waitingBefore + 1).toBe((await listLoginRequests(t.db, FULL_SCOPE)).length + (await listPendingApplicants(t.db, FULL_SCOPE)).length);
    expect(await confirmApplicant(t.db, token)).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await login("returning@example.org", "typed-password-1")).toMatchObject({ ok: false });
    const [request] = await listLoginRequests(t.db, FULL_SCOPE);
    expect(request).toMatchObject({ personId: id, email: "returning@example.org", firstName: "New" });
    expect(await listPendingApplicants(t.db, FULL_SCOPE)).toEqual([]);

    expect(await approveLoginRequest(t.db, t.ids.member, request!.requestId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await approveLoginRequest(t.db, t.ids.admin, request!.requestId)).toEqual({ ok: true, personId: id });
    expect(await login("returning@example.org", "typed-password-1")).toMatchObject({ ok: true, personId: id });
    expect(await records()).toBe(1);
    expect(await listLoginRequests(t.db, FULL_SCOPE)).toEqual([]);
    expect(await countWaitingApplications(t.db, FULL_SCOPE)).toBe(waitingBefore);
    expect(await loginStateOf(t.db, id)).toMatchObject({ kind: "login" });
    await mailLoginApproved(t.db, t.inbox.mailer, id);
    expect(unfold(mailsTo("returning@example.org").at(-1)!.raw)).toContain("Du kannst dich jetzt anmelden"); // the record's language
    const history = await t.db.select({ type: auditLog.changeType }).from(auditLog).where(eq(auditLog.subjectPersonId, id));
    expect(history.map((h) => h.type)).toEqual(
      expect.arrayContaining(["person.login_request", "person.login_request.confirm", "person.login_request.approve"]),
    );

    // Now that it is a login, the same sign-up only tells its owner.
    await signUpApplicant(t.db, t.inbox.mailer, { firstName: "Re", lastName: "Turning", email: "returning@example.org", password: "another-password-1" });
    expect(unfold(mailsTo("returning@example.org").at(-1)!.raw)).toContain("schon ein Konto");
  });

  it("a login request turned down leaves the record without a login", async () => {
    const id = await newcomer("declined@example.org");
    await signUpApplicant(t.db, t.inbox.mailer, { firstName: "De", lastName: "Clined", email: "declined@example.org", password: "typed-password-1" });
    const mail = unfold(mailsTo("declined@example.org").at(-1)!.raw);
    const token = decodeURIComponent(mail.match(/\/signup\/confirm\?token=([A-Za-z0-9_%-]+)/)![1]!);
    expect(await confirmApplicant(t.db, token)).toMatchObject({ ok: true, kind: "login_request" });
    const [request] = (await listLoginRequests(t.db, FULL_SCOPE)).filter((r) => r.personId === id);
    expect(await rejectLoginRequest(t.db, t.ids.member, request!.requestId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rejectLoginRequest(t.db, t.ids.admin, request!.requestId)).toEqual({ ok: true, personId: id });
    expect(await approveLoginRequest(t.db, t.ids.admin, request!.requestId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await loginStateOf(t.db, id)).toEqual({ kind: "none" });
    expect(await login("declined@example.org", "typed-password-1")).toMatchObject({ ok: false });
  });
});
