import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditLog, invitations, membershipStatuses, people, personRoles, roles } from "@/lib/db/schema";
import { newcomersWithInbox } from "../people/testing/newcomer";
import { unfold } from "@/lib/domain/mail/testing/smtp-inbox";
import { acceptInvitation, invitationLinkState } from "./invitation-accept";
import { invitePerson, INVITATION_TTL_DAYS, renewExpiredInvitation, revokeInvitation } from "./invitation-send";
import { loginStateOf } from "./login-state";
import { requestPasswordReset } from "./password-reset";
import { changeStatus, updateProfile } from "../people/person-service";

const t = newcomersWithInbox();
const { newcomer, mailsTo, login } = t;
const DAY = 86_400_000;
const tokenIn = (raw: string) => unfold(raw).match(/\/invitation\/([A-Za-z0-9_-]+)/)?.[1];
const lastTokenTo = (address: string) => tokenIn(mailsTo(address).at(-1)!.raw)!;

describe("invitation life cycle", () => {
  it("invite, resend (the first link dies), accept once in the person's language, refuse a second use", async () => {
    const id = await newcomer("Greta@Example.org", { preferredLanguage: "de" });
    expect(await loginStateOf(t.db, id)).toEqual({ kind: "none" });
    // Only people who may edit people invite.
    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.member, id)).toMatchObject({ ok: false, code: "forbidden" });

    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
    expect(mailsTo("greta@example.org")).toHaveLength(1);
    expect(unfold(mailsTo("greta@example.org")[0]!.raw)).toContain("Passwort festlegen");
    const first = lastTokenTo("greta@example.org");
    expect(await loginStateOf(t.db, id)).toMatchObject({ kind: "invited", email: "greta@example.org" });
    // Only the hash is stored.
    expect((await t.db.select().from(invitations).where(eq(invitations.personId, id))).map((r) => r.tokenHash)).not.toContain(first);

    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
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
    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: false, code: "has_login" });

    const audited = await t.db.select({ changeType: auditLog.changeType, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.subjectPersonId, id));
    expect(audited.filter((a) => a.changeType.startsWith("person.invitation."))).toEqual([
      { changeType: "person.invitation.send", actorId: t.ids.admin },
      { changeType: "person.invitation.send", actorId: t.ids.admin },
      { changeType: "person.invitation.accept", actorId: id },
    ]);
  });

  it("an expired link explains itself and mails a fresh one to the same address on request", async () => {
    const id = await newcomer("late@example.org");
    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
    const old = lastTokenTo("late@example.org");
    const later = new Date(Date.now() + (INVITATION_TTL_DAYS + 1) * DAY);
    expect(await invitationLinkState(t.db, old, later)).toBe("expired");
    expect(await loginStateOf(t.db, id, later)).toMatchObject({ kind: "expired", email: "late@example.org" });
    expect(await acceptInvitation(t.db, { token: old, password: "late-password-1" }, later)).toMatchObject({ ok: false, code: "invalid_token" });

    await renewExpiredInvitation(t.db, t.inbox.mailer, old, later);
    expect(mailsTo("late@example.org")).toHaveLength(2);
    const fresh = lastTokenTo("late@example.org");
    expect(await invitationLinkState(t.db, old, later)).toBe("invalid");
    expect(await acceptInvitation(t.db, { token: fresh, password: "late-password-1" }, later)).toMatchObject({ ok: true });
    // A used link renews nothing.
    await renewExpiredInvitation(t.db, t.inbox.mailer, fresh, later);
    expect(mailsTo("late@example.org")).toHaveLength(2);
  });

  it("revoke: the link stops working at once", async () => {
    const id = await newcomer("revoked@example.org");
    await invitePerson(t.db, t.inbox.mailer, t.ids.admin, id);
    const token = lastTokenTo("revoked@example.org");
    expect(await revokeInvitation(t.db, t.ids.member, id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await revokeInvitation(t.db, t.ids.admin, id)).toEqual({ ok: true });
    expect(await invitationLinkState(t.db, token)).toBe("invalid");
    expect(await acceptInvitation(t.db, { token, password: "revoked-password-1" })).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await loginStateOf(t.db, id)).toEqual({ kind: "none" });
    expect(await revokeInvitation(t.db, t.ids.admin, id)).toMatchObject({ ok: false, code: "invalid_token" });
  });

  it("a link is for the address it was mailed to while that is still the person's; only an expired one is renewed", async () => {
    const id = await newcomer("typo@exmaple.org");
    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
    const sent = lastTokenTo("typo@exmaple.org");
    // A link still usable renews nothing (no second mail, the link keeps working).
    await renewExpiredInvitation(t.db, t.inbox.mailer, sent);
    expect(mailsTo("typo@exmaple.org")).toHaveLength(1);
    expect(await invitationLinkState(t.db, sent)).toBe("usable");

    // The board corrects the address: whoever reads the old mailbox gets no login on this record, now or later.
    expect(await updateProfile(t.db, t.ids.admin, id, { firstName: "Tilda", email: "tilda@example.org" })).toEqual({ ok: true });
    const later = new Date(Date.now() + (INVITATION_TTL_DAYS + 1) * DAY);
    await renewExpiredInvitation(t.db, t.inbox.mailer, sent, later);
    expect(mailsTo("typo@exmaple.org")).toHaveLength(1);
    expect(await acceptInvitation(t.db, { token: sent, password: "typo-password-1" })).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await login("typo@exmaple.org", "typo-password-1")).toMatchObject({ ok: false });
    expect((await loginStateOf(t.db, id)).kind).not.toBe("login");
    // Invited again at the corrected address, the person gets in.
    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
    expect(await acceptInvitation(t.db, { token: lastTokenTo("tilda@example.org"), password: "tilda-password-1" })).toEqual({
      ok: true,
      email: "tilda@example.org",
    });
  });

  it("an address already used by another login is refused without using up the link", async () => {
    const id = await newcomer("shared@example.org");
    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
    const token = lastTokenTo("shared@example.org");
    const other = await newcomer("other@example.org");
    const [clash] = await t.db.insert(accounts).values({ personId: other, email: "shared@example.org", passwordHash: "x" }).returning({ id: accounts.id });
    expect(await acceptInvitation(t.db, { token, password: "shared-password-1" })).toMatchObject({ ok: false, code: "email_taken" });
    // Not the invitee's fault: once the clash is sorted out, the same link still works.
    expect(await invitationLinkState(t.db, token)).toBe("usable");
    await t.db.delete(accounts).where(eq(accounts.id, clash!.id));
    expect(await acceptInvitation(t.db, { token, password: "shared-password-1" })).toEqual({ ok: true, email: "shared@example.org" });
  });

  it("refuses people without email or whose status may not log in, and anyone above the inviter", async () => {
    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, await newcomer(undefined))).toMatchObject({ ok: false, code: "no_email" });
    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, await newcomer("former@example.org", { statusKey: "former" }))).toMatchObject({
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
    expect(await invitePerson(t.db, t.inbox.mailer, staff, boss)).toMatchObject({ ok: false, code: "outranks_you" });
    expect(mailsTo("boss@example.org")).toHaveLength(0);
  });

  it("forgot-password for a person without a login sends an invitation; for a login a reset, for a stranger nothing", async () => {
    const id = await newcomer("forgetful@example.org");
    await requestPasswordReset(t.db, t.inbox.mailer, { email: "Forgetful@example.org" });
    expect(mailsTo("forgetful@example.org")).toHaveLength(1);
    const token = lastTokenTo("forgetful@example.org");
    expect(await acceptInvitation(t.db, { token, password: "forgetful-password" })).toMatchObject({ ok: true });
    expect(await loginStateOf(t.db, id)).toMatchObject({ kind: "login" });
    const before = t.inbox.mails.length;
    await requestPasswordReset(t.db, t.inbox.mailer, { email: "nobody-here@example.org" });
    expect(t.inbox.mails.length).toBe(before);
  });
});

/*
 * Refusals that use the link up on purpose: what made the invitation right has changed (the person was erased, their
 * status may no longer log in, they have a login already, the address is no longer theirs), so nobody may set a
 * password through it, now or after the thing is undone; the board sends a new one if it still fits. Each answers
 * the same message as a used link and creates no login (unlike a login address taken by someone else, above).
 */
describe("refusals that use the link up", () => {
  const refused = { ok: false, code: "invalid_token", message: "This invitation is invalid, expired or already used." };
  const invited = async (address: string) => {
    const id = await newcomer(address);
    expect(await invitePerson(t.db, t.inbox.mailer, t.ids.admin, id)).toMatchObject({ ok: true });
    return { id, token: lastTokenTo(address) };
  };
  const loginsOf = async (id: number) => t.db.select({ id: accounts.id, email: accounts.email }).from(accounts).where(eq(accounts.personId, id));
  const usedUp = async (token: string, id: number, address: string, password: string) => {
    expect(await acceptInvitation(t.db, { token, password })).toEqual(refused);
    expect(await invitationLinkState(t.db, token)).toBe("invalid");
    expect(await login(address, password)).toMatchObject({ ok: false });
  };

  it("the person was erased", async () => {
    const { id, token } = await invited("erased@example.org");
    // Erasing deletes the person's invitations too; this is the record erased while the link was being used.
    await t.db.update(people).set({ erasedAt: new Date() }).where(eq(people.id, id));
    await usedUp(token, id, "erased@example.org", "erased-password-1");
    expect(await loginsOf(id)).toEqual([]);
  });

  it("the person's status no longer logs in; moved back, the old link still does nothing", async () => {
    const { id, token } = await invited("gone@example.org");
    const statusId = async (key: string) => (await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, key)))[0]!.id;
    expect(await changeStatus(t.db, t.ids.admin, id, { statusId: await statusId("former"), reason: "Left" })).toEqual({ ok: true });
    await usedUp(token, id, "gone@example.org", "gone-password-1");
    expect(await loginsOf(id)).toEqual([]);
    expect(await changeStatus(t.db, t.ids.admin, id, { statusId: await statusId("member"), reason: "Back" })).toEqual({ ok: true });
    expect(await acceptInvitation(t.db, { token, password: "gone-password-1" })).toEqual(refused);
    expect(await loginsOf(id)).toEqual([]);
  });

  it("the person has a login already: it stays the only one, its password unchanged", async () => {
    const { id, token } = await invited("twice@example.org");
    await t.db.insert(accounts).values({ personId: id, email: "twice-other@example.org", passwordHash: "x" });
    await usedUp(token, id, "twice@example.org", "twice-password-1");
    expect(await loginsOf(id)).toEqual([{ id: expect.any(Number), email: "twice-other@example.org" }]);
    expect(await login("twice-other@example.org", "twice-password-1")).toMatchObject({ ok: false });
  });

  it("the address is no longer the person's", async () => {
    const { id, token } = await invited("moved@example.org");
    expect(await updateProfile(t.db, t.ids.admin, id, { firstName: "Moved", email: "moved-new@example.org" })).toEqual({ ok: true });
    await usedUp(token, id, "moved@example.org", "moved-password-1");
    expect(await loginsOf(id)).toEqual([]);
  });
});
