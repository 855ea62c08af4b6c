import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, emailChangeTokens, loginAttempts, profiles } from "@/lib/db/schema";
import { createEscalationFixture, type EscalationFixture } from "../access/testing/escalation-fixture";
import { updateProfile } from "../people/person-service";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { authenticateWithPassword } from "./authenticate";
import { confirmEmailChange, isEmailChangeTokenUsable, requestEmailChange, setLoginEmail } from "./email-change";
import { consumePasswordReset, requestPasswordReset } from "./password-reset";

const PASSWORD = "demo-password-123";
let t: EscalationFixture;
let inbox: Inbox;

databaseWithInbox(createEscalationFixture, (database, mail) => {
  t = database;
  inbox = mail;
});

const tokenIn = (raw: string) => unfold(raw).match(/email-change\/confirm\?token=([A-Za-z0-9_-]+)/)?.[1];
const mailsTo = (address: string) => inbox.mails.filter((m) => m.to.includes(address));
const loginEmail = async (personId: number) => (await t.db.select().from(accounts).where(eq(accounts.personId, personId)))[0]?.email;
const logIn = async (email: string) => {
  await t.db.delete(loginAttempts);
  return (await authenticateWithPassword(t.db, { email, password: PASSWORD, ip: "10.1.1.1" })).ok;
};

describe("the owner changes their login email", () => {
  it("needs the current password and a free, new address; nothing is mailed otherwise", async () => {
    const ask = (newEmail: string, password = PASSWORD) => requestEmailChange(t.db, inbox.mailer, { personId: t.ids.maria, newEmail, password });
    expect(await ask("maria.new@example.org", "wrong-password")).toMatchObject({ ok: false, code: "wrong_password" });
    expect(await ask("Member@Makerspace.local")).toMatchObject({ ok: false, code: "duplicate_email" });
    expect(await ask("maria@makerspace.local")).toMatchObject({ ok: false, code: "same_email" });
    expect(await ask("not an email")).toMatchObject({ ok: false, code: "invalid_email" });
    expect(inbox.mails).toHaveLength(0);
  });

  it("mails a link to the new address over SMTP and a notice to the old one; the login changes only when the link is used, once", async () => {
    expect(await requestEmailChange(t.db, inbox.mailer, { personId: t.ids.maria, newEmail: "Maria.New@Example.org", password: PASSWORD })).toEqual({
      ok: true,
    });
    const [confirm] = mailsTo("maria.new@example.org");
    const [notice] = mailsTo("maria@makerspace.local");
    expect(notice && unfold(notice.raw)).toContain("maria.new@example.org");
    expect(tokenIn(notice!.raw)).toBeUndefined();
    const token = tokenIn(confirm!.raw)!;
    expect(token).toBeTruthy();
    // Only the hash is stored, and nothing has changed yet.
    expect((await t.db.select().from(emailChangeTokens)).map((r) => r.tokenHash)).not.toContain(token);
    expect(await loginEmail(t.ids.maria)).toBe("maria@makerspace.local");
    expect(await logIn("maria.new@example.org")).toBe(false);

    expect(await isEmailChangeTokenUsable(t.db, token)).toBe(true);
    expect(await confirmEmailChange(t.db, token)).toEqual({ ok: true, personId: t.ids.maria });
    expect(await loginEmail(t.ids.maria)).toBe("maria.new@example.org");
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.maria));
    expect(profile!.email).toBe("maria.new@example.org");
    expect(await logIn("maria.new@example.org")).toBe(true);
    expect(await logIn("maria@makerspace.local")).toBe(false);
    expect(await confirmEmailChange(t.db, token)).toMatchObject({ ok: false, code: "invalid_token" });
  });

  it("refuses an expired link", async () => {
    const longAgo = new Date(Date.now() - 25 * 3600_000);
    await requestEmailChange(t.db, inbox.mailer, { personId: t.ids.member, newEmail: "mario.late@example.org", password: PASSWORD }, longAgo);
    const token = tokenIn(mailsTo("mario.late@example.org")[0]!.raw)!;
    expect(await isEmailChangeTokenUsable(t.db, token)).toBe(false);
    expect(await confirmEmailChange(t.db, token)).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await loginEmail(t.ids.member)).toBe("member@makerspace.local");
  });

  it("a password reset link mailed to the old address dies with the change", async () => {
    await requestPasswordReset(t.db, inbox.mailer, { email: "member@makerspace.local" });
    const reset = unfold(mailsTo("member@makerspace.local").at(-1)!.raw).match(/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
    await requestEmailChange(t.db, inbox.mailer, { personId: t.ids.member, newEmail: "mario.now@example.org", password: PASSWORD });
    expect(await confirmEmailChange(t.db, tokenIn(mailsTo("mario.now@example.org")[0]!.raw)!)).toMatchObject({ ok: true });
    expect(await consumePasswordReset(t.db, { token: reset, newPassword: "taken-over-password" })).toMatchObject({ ok: false, code: "invalid_token" });
  });
});

describe("a staff profile edit never moves the login", () => {
  it("staff changes a member's contact email: the login stays, and a reset for the new address mails nothing", async () => {
    const before = inbox.mails.length;
    expect(await updateProfile(t.db, t.actors.staff, t.ids.applicant, { firstName: "Andy", lastName: "Applicant", email: "attacker@evil.example" })).toEqual({
      ok: true,
    });
    expect(await loginEmail(t.ids.applicant)).toBe("applicant@makerspace.local");
    await requestPasswordReset(t.db, inbox.mailer, { email: "attacker@evil.example" });
    expect(inbox.mails.length).toBe(before);
  });

  it("staff cannot even change the admin's contact email (the old takeover path)", async () => {
    expect(await updateProfile(t.db, t.actors.staff, t.ids.admin, { firstName: "Ada", lastName: "Admin", email: "attacker@evil.example" })).toMatchObject({
      ok: false,
      code: "outranks_you",
    });
    expect(await loginEmail(t.ids.admin)).toBe("admin@makerspace.local");
  });
});

describe("a system admin sets a login email", () => {
  it("staff may not; a partial system admin may not for someone above them", async () => {
    expect(await setLoginEmail(t.db, inbox.mailer, t.actors.staff, t.ids.trainer, "x@example.org")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setLoginEmail(t.db, inbox.mailer, t.actors.sysop, t.ids.admin, "x@example.org")).toMatchObject({ ok: false, code: "outranks_you" });
    expect(await loginEmail(t.ids.admin)).toBe("admin@makerspace.local");
  });

  it("the admin may, and both addresses get a notice", async () => {
    expect(await setLoginEmail(t.db, inbox.mailer, t.ids.admin, t.ids.trainer, "tom@example.org")).toEqual({ ok: true });
    expect(await loginEmail(t.ids.trainer)).toBe("tom@example.org");
    expect(mailsTo("trainer@makerspace.local").at(-1)!.raw).toContain("tom@example.org");
    expect(mailsTo("tom@example.org")).toHaveLength(1);
  });
});
