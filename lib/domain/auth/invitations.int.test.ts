import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, invitations, personRoles, profiles, roles } from "@/lib/db/schema";
import { confirmApplicant, listPendingApplicants, signUpApplicant } from "../people/applicant-signup";
import { approveLoginRequest, listLoginRequests, mailLoginApproved, rejectLoginRequest } from "../people/login-requests";
import { createPerson } from "../people/create-person";
import { openInbox, unfold, type Inbox } from "../people/testing/smtp-inbox";
import { createPeopleFixture, type PeopleFixture } from "../people/testing/people-fixture";
import { authenticateWithPassword } from "./authenticate";
import {
  acceptInvitation,
  invitationLinkState,
  invitePerson,
  INVITATION_TTL_DAYS,
  loginStateOf,
  renewExpiredInvitation,
  revokeInvitation,
} from "./invitations";
import { countWithoutLogin, inviteEveryoneWithoutLogin, type BulkInviteReport } from "./invite-everyone";
import { requestPasswordReset } from "./password-reset";

const limits = { maxPerAccount: 50, maxPerIp: 50, windowMinutes: 15 };
let t: PeopleFixture;
let inbox: Inbox;
beforeAll(async () => {
  t = await createPeopleFixture();
  inbox = await openInbox({ reject: ["bounces@example.org"] });
});
afterAll(async () => {
  await inbox?.close();
  await t?.close();
});

const DAY = 86_400_000;
/** A person as an import leaves them: a profile with an email, no login. */
const newcomer = async (email: string | undefined, extra: { preferredLanguage?: string; statusKey?: string } = {}) =>
  (
    await createPerson(t.db, {
      statusKey: extra.statusKey ?? "member",
      firstName: "New",
      lastName: email ?? "nobody",
      email,
      preferredLanguage: extra.preferredLanguage,
      assignMemberNumber: true,
    })
  ).personId;
const mailsTo = (address: string) => inbox.mails.filter((m) => m.to.includes(address));
const tokenIn = (raw: string) => unfold(raw).match(/\/invitation\/([A-Za-z0-9_-]+)/)?.[1];
const lastTokenTo = (address: string) => tokenIn(mailsTo(address).at(-1)!.raw)!;
const login = (email: string, password: string) => authenticateWithPassword(t.db, { email, password, ip: "192.0.2.1" }, limits);

describe("invitation life cycle", () => {
  it("invite, resend (the first link dies), accept once in the person's language, refuse a second use", async () => {
    const id = await newcomer("Greta@Example.org", { preferredLanguage: "de" });
    expect(await loginStateOf(t.db, id)).toEqual({ kind: "none" });
    // Only people who may edit people invite.
    expect(await invitePerson(t.db, inbox.mailer, t.ids.member, id)).toMatchObject({ ok: false, code: "forbidden" });

    expect(await invitePerson(t.db, inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
    expect(mailsTo("greta@example.org")).toHaveLength(1);
    expect(unfold(mailsTo("greta@example.org")[0]!.raw)).toContain("Passwort festlegen");
    const first = lastTokenTo("greta@example.org");
    expect(await loginStateOf(t.db, id)).toMatchObject({ kind: "invited", email: "greta@example.org" });
    // Only the hash is stored.
    expect((await t.db.select().from(invitations).where(eq(invitations.personId, id))).map((r) => r.tokenHash)).not.toContain(first);

    expect(await invitePerson(t.db, inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
    const second = lastTokenTo("greta@example.org");
    expect(second).not.toBe(first);
    expect(await invitationLinkState(t.db, first)).toBe("invalid");
    expect(await invitationLinkState(t.db, second)).toBe("usable");

    expect(await acceptInvitation(t.db, { token: second, password: "short" })).toMatchObject({ ok: false, code: "weak_password" });
    expect(await acceptInvitation(t.db, { token: first, password: "greta-password-1" })).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await acceptInvitation(t.db, { token: second, password: "greta-password-1" })).toEqual({ ok: true, email: "greta@example.org" });
    expect(await login("greta@example.org", "greta-password-1")).toMatchObject({ ok: true, personId: id });
    expect(await acceptInvitation(t.db, { token: second, password: "another-password-2" })).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await login("greta@example.org", "another-password-2")).toMatchObject({ ok: false });
    expect(await loginStateOf(t.db, id)).toEqual({ kind: "login", email: "greta@example.org" });
    expect(await invitePerson(t.db, inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: false, code: "has_login" });

    const audited = await t.db.select({ changeType: auditLog.changeType, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.subjectPersonId, id));
    expect(audited.filter((a) => a.changeType.startsWith("person.invitation."))).toEqual([
      { changeType: "person.invitation.send", actorId: t.ids.admin },
      { changeType: "person.invitation.send", actorId: t.ids.admin },
      { changeType: "person.invitation.accept", actorId: id },
    ]);
  });

  it("an expired link explains itself and mails a fresh one to the same address on request", async () => {
    const id = await newcomer("late@example.org");
    expect(await invitePerson(t.db, inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
    const old = lastTokenTo("late@example.org");
    const later = new Date(Date.now() + (INVITATION_TTL_DAYS + 1) * DAY);
    expect(await invitationLinkState(t.db, old, later)).toBe("expired");
    expect(await loginStateOf(t.db, id, later)).toMatchObject({ kind: "expired", email: "late@example.org" });
    expect(await acceptInvitation(t.db, { token: old, password: "late-password-1" }, later)).toMatchObject({ ok: false, code: "invalid_token" });

    await renewExpiredInvitation(t.db, inbox.mailer, old, later);
    expect(mailsTo("late@example.org")).toHaveLength(2);
    const fresh = lastTokenTo("late@example.org");
    expect(await invitationLinkState(t.db, old, later)).toBe("invalid");
    expect(await acceptInvitation(t.db, { token: fresh, password: "late-password-1" }, later)).toMatchObject({ ok: true });
    // A used link renews nothing.
    await renewExpiredInvitation(t.db, inbox.mailer, fresh, later);
    expect(mailsTo("late@example.org")).toHaveLength(2);
  });

  it("revoke: the link stops working at once", async () => {
    const id = await newcomer("revoked@example.org");
    await invitePerson(t.db, inbox.mailer, t.ids.admin, id);
    const token = lastTokenTo("revoked@example.org");
    expect(await revokeInvitation(t.db, t.ids.member, id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await revokeInvitation(t.db, t.ids.admin, id)).toEqual({ ok: true });
    expect(await invitationLinkState(t.db, token)).toBe("invalid");
    expect(await acceptInvitation(t.db, { token, password: "revoked-password-1" })).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await loginStateOf(t.db, id)).toEqual({ kind: "none" });
    expect(await revokeInvitation(t.db, t.ids.admin, id)).toMatchObject({ ok: false, code: "invalid_token" });
  });

  it("refuses people without email or whose status may not log in, and anyone above the inviter", async () => {
    expect(await invitePerson(t.db, inbox.mailer, t.ids.admin, await newcomer(undefined))).toMatchObject({ ok: false, code: "no_email" });
    expect(await invitePerson(t.db, inbox.mailer, t.ids.admin, await newcomer("former@example.org", { statusKey: "former" }))).toMatchObject({
      ok: false,
      code: "may_not_log_in",
    });
    // A staff member (may edit people, not an admin) cannot give themselves an admin's login by inviting it.
    const staff = await newcomer("staff@example.org");
    const boss = await newcomer("boss@example.org");
    const roleId = async (key: string) => (await t.db.select().from(roles).where(eq(roles.key, key)))[0]!.id;
    await t.db.insert(personRoles).values([
      { personId: staff, roleId: await roleId("staff") },
      { personId: boss, roleId: await roleId("admin") },
    ]);
    expect(await invitePerson(t.db, inbox.mailer, staff, boss)).toMatchObject({ ok: false, code: "outranks_you" });
    expect(mailsTo("boss@example.org")).toHaveLength(0);
  });

  it("forgot-password for a person without a login sends an invitation; for a login a reset, for a stranger nothing", async () => {
    const id = await newcomer("forgetful@example.org");
    await requestPasswordReset(t.db, inbox.mailer, { email: "Forgetful@example.org" });
    expect(mailsTo("forgetful@example.org")).toHaveLength(1);
    const token = lastTokenTo("forgetful@example.org");
    expect(await acceptInvitation(t.db, { token, password: "forgetful-password" })).toMatchObject({ ok: true });
    expect(await loginStateOf(t.db, id)).toMatchObject({ kind: "login" });
    const before = inbox.mails.length;
    await requestPasswordReset(t.db, inbox.mailer, { email: "nobody-here@example.org" });
    expect(inbox.mails.length).toBe(before);
  });
  it("sign-up with the address of a person already here without a login: after the mailed link, an admin links the login to that record", async () => {
    const id = await newcomer("returning@example.org", { preferredLanguage: "de" });
    expect(
      await signUpApplicant(t.db, inbox.mailer, { firstName: "Re", lastName: "Turning", email: "Returning@example.org", password: "typed-password-1", preferredLanguage: "nl" }),
    ).toEqual({ ok: true, personId: null });
    const records = async () =>
      (await t.db.select({ n: count() }).from(profiles).where(eq(sql`lower(${profiles.email})`, "returning@example.org")))[0]!.n;
    expect(await records()).toBe(1);
    // No login before the address is confirmed, nor after, until an admin approves.
    expect(await t.db.select().from(accounts).where(eq(accounts.personId, id))).toEqual([]);
    const mail = unfold(mailsTo("returning@example.org").at(-1)!.raw);
    expect(mail).toContain("al in onze administratie"); // in the language chosen on the form
    const token = decodeURIComponent(mail.match(/\/signup\/confirm\?token=([A-Za-z0-9_%-]+)/)![1]!);
    expect(await listLoginRequests(t.db)).toEqual([]);
    expect(await confirmApplicant(t.db, token)).toEqual({ ok: true, personId: id, kind: "login_request" });
    expect(await confirmApplicant(t.db, token)).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await login("returning@example.org", "typed-password-1")).toMatchObject({ ok: false });
    const [request] = await listLoginRequests(t.db);
    expect(request).toMatchObject({ personId: id, email: "returning@example.org", firstName: "New" });
    expect(await listPendingApplicants(t.db)).toEqual([]);

    expect(await approveLoginRequest(t.db, t.ids.member, request!.requestId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await approveLoginRequest(t.db, t.ids.admin, request!.requestId)).toEqual({ ok: true, personId: id });
    expect(await login("returning@example.org", "typed-password-1")).toMatchObject({ ok: true, personId: id });
    expect(await records()).toBe(1);
    expect(await listLoginRequests(t.db)).toEqual([]);
    expect(await loginStateOf(t.db, id)).toMatchObject({ kind: "login" });
    await mailLoginApproved(t.db, inbox.mailer, id);
    expect(unfold(mailsTo("returning@example.org").at(-1)!.raw)).toContain("Du kannst dich jetzt anmelden"); // the record's language
    const history = await t.db.select({ type: auditLog.changeType }).from(auditLog).where(eq(auditLog.subjectPersonId, id));
    expect(history.map((h) => h.type)).toEqual(expect.arrayContaining(["person.login_request", "person.login_request.confirm", "person.login_request.approve"]));

    // Now that it is a login, the same sign-up only tells its owner.
    await signUpApplicant(t.db, inbox.mailer, { firstName: "Re", lastName: "Turning", email: "returning@example.org", password: "another-password-1" });
    expect(unfold(mailsTo("returning@example.org").at(-1)!.raw)).toContain("schon ein Konto");
  });

  it("a login request turned down leaves the record without a login", async () => {
    const id = await newcomer("declined@example.org");
    await signUpApplicant(t.db, inbox.mailer, { firstName: "De", lastName: "Clined", email: "declined@example.org", password: "typed-password-1" });
    const mail = unfold(mailsTo("declined@example.org").at(-1)!.raw);
    const token = decodeURIComponent(mail.match(/\/signup\/confirm\?token=([A-Za-z0-9_%-]+)/)![1]!);
    expect(await confirmApplicant(t.db, token)).toMatchObject({ ok: true, kind: "login_request" });
    const [request] = (await listLoginRequests(t.db)).filter((r) => r.personId === id);
    expect(await rejectLoginRequest(t.db, t.ids.member, request!.requestId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rejectLoginRequest(t.db, t.ids.admin, request!.requestId)).toEqual({ ok: true, personId: id });
    expect(await approveLoginRequest(t.db, t.ids.admin, request!.requestId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await loginStateOf(t.db, id)).toEqual({ kind: "none" });
    expect(await login("declined@example.org", "typed-password-1")).toMatchObject({ ok: false });
  });
});

describe("invite everyone without a login", () => {
  it("sends in batches with a report; a mail server refusing one address fails that one only", async () => {
    const pending = await newcomer("pending@example.org");
    await invitePerson(t.db, inbox.mailer, t.ids.admin, pending);
    const ids = {
      ok1: await newcomer("bulk1@example.org"),
      ok2: await newcomer("bulk2@example.org", { preferredLanguage: "de" }),
      bounce: await newcomer("bounces@example.org"),
      none: await newcomer(undefined),
    };
    const before = await countWithoutLogin(t.db, {});
    expect(before.pending).toBeGreaterThanOrEqual(1);
    expect(await inviteEveryoneWithoutLogin(t.db, inbox.mailer, t.ids.member, {})).toMatchObject({ ok: false, code: "forbidden" });

    const total: BulkInviteReport = { sent: 0, skippedNoEmail: 0, skippedPending: 0, skippedAbove: 0, failed: [] };
    let cursor = 0;
    let steps = 0;
    for (;;) {
      const step = await inviteEveryoneWithoutLogin(t.db, inbox.mailer, t.ids.admin, {}, cursor, 2);
      if (!step.ok) throw new Error(step.message);
      steps++;
      total.sent += step.report.sent;
      total.skippedNoEmail += step.report.skippedNoEmail;
      total.skippedPending += step.report.skippedPending;
      total.skippedAbove += step.report.skippedAbove;
      total.failed.push(...step.report.failed);
      cursor = step.cursor;
      if (step.done) break;
      expect(step.remaining).toBeGreaterThan(0);
    }
    expect(steps).toBeGreaterThan(1);
    expect(total.failed).toEqual([{ personId: ids.bounce, email: "bounces@example.org" }]);
    expect(total.sent + total.skippedNoEmail + total.skippedPending + total.skippedAbove + total.failed.length).toBe(before.total);
    expect(total.sent).toBe(before.withEmail - before.pending - 1);
    expect(total.skippedPending).toBe(before.pending);
    for (const address of ["bulk1@example.org", "bulk2@example.org"]) expect(mailsTo(address), address).toHaveLength(1);
    expect(unfold(mailsTo("bulk2@example.org")[0]!.raw)).toContain("Passwort festlegen");
    expect(mailsTo("pending@example.org")).toHaveLength(1);
    // Nobody holds a link the mail server never took: the failed one shows as not invited.
    expect(await loginStateOf(t.db, ids.bounce)).toEqual({ kind: "none" });
    expect(await loginStateOf(t.db, ids.ok1)).toMatchObject({ kind: "invited" });
    // Everyone is invited now: a second run sends nothing.
    const again = await inviteEveryoneWithoutLogin(t.db, inbox.mailer, t.ids.admin, {}, 0, 1000);
    expect(again).toMatchObject({ ok: true, done: true, report: { sent: 0 } });
    expect(
      (
        await t.db
          .select()
          .from(invitations)
          .where(and(eq(invitations.personId, ids.none)))
      ).length,
    ).toBe(0);
  });
});
