import { beforeEach, describe, expect, it } from "vitest";
import { loginAttempts } from "@/lib/db/schema";
import { createEscalationFixture, type EscalationFixture } from "../access/testing/escalation-fixture";
import { changeStatus } from "../people/person-service";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { authenticateWithPassword } from "./authenticate";
import { setLoginEmail } from "./email-change";
import { consumePasswordReset, requestPasswordReset } from "./password-reset";
import { getSessionPerson } from "./session-person";
import { endAllSessions } from "./sessions";

const PASSWORD = "demo-password-123";
let t: EscalationFixture;
let inbox: Inbox;

databaseWithInbox(createEscalationFixture, (database, mail) => {
  t = database;
  inbox = mail;
});
beforeEach(() => t.db.delete(loginAttempts));

/** A login as the web does it: the cookie keeps the person id and the session version it was issued with. */
async function session(email: string, password = PASSWORD): Promise<{ personId: number; version: number }> {
  const r = await authenticateWithPassword(t.db, { email, password, ip: "10.2.2.2" });
  if (!r.ok) throw new Error(r.message);
  return { personId: r.personId, version: r.sessionVersion };
}
const stillLoggedIn = async (s: { personId: number; version: number }) => (await getSessionPerson(t.db, s.personId, s.version)) !== null;

describe("session revocation", () => {
  it("log out everywhere (and logout) ends every existing session; a new login works", async () => {
    const phone = await session("maria@makerspace.local");
    const laptop = await session("maria@makerspace.local");
    expect(await stillLoggedIn(phone)).toBe(true);
    await endAllSessions(t.db, phone.personId);
    expect(await stillLoggedIn(phone)).toBe(false);
    expect(await stillLoggedIn(laptop)).toBe(false);
    expect(await stillLoggedIn(await session("maria@makerspace.local"))).toBe(true);
  });

  it("a password reset ends the sessions opened with the old password", async () => {
    const old = await session("member@makerspace.local");
    await requestPasswordReset(t.db, inbox.mailer, { email: "member@makerspace.local" });
    const token = unfold(inbox.mails.at(-1)!.raw).match(/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
    expect(await consumePasswordReset(t.db, { token, newPassword: "a-brand-new-password" })).toEqual({ ok: true });
    expect(await stillLoggedIn(old)).toBe(false);
    expect(await stillLoggedIn(await session("member@makerspace.local", "a-brand-new-password"))).toBe(true);
  });

  it("a status that may not log in ends the session for good: moving back to member does not revive the old cookie", async () => {
    const old = await session("trainer@makerspace.local");
    expect(await changeStatus(t.db, t.ids.admin, t.ids.trainer, { statusId: t.status.former!, reason: "left" })).toEqual({ ok: true });
    expect(await stillLoggedIn(old)).toBe(false);
    expect(await changeStatus(t.db, t.ids.admin, t.ids.trainer, { statusId: t.status.member!, reason: "back" })).toEqual({ ok: true });
    expect(await stillLoggedIn(old)).toBe(false);
    expect(await stillLoggedIn(await session("trainer@makerspace.local"))).toBe(true);
  });

  it("a ban ends the session; a status change that may still log in does not", async () => {
    const staff = await session("staff@makerspace.local");
    expect(await changeStatus(t.db, t.ids.admin, t.actors.staff, { statusId: t.status.supporting!, reason: "pays less" })).toEqual({ ok: true });
    expect(await stillLoggedIn(staff)).toBe(true);
    expect(await changeStatus(t.db, t.ids.admin, t.actors.staff, { statusId: t.status.banned!, reason: "misconduct" })).toEqual({ ok: true });
    expect(await stillLoggedIn(staff)).toBe(false);
  });

  it("a login email set by an admin ends the person's sessions", async () => {
    const old = await session("eqmgr@makerspace.local");
    expect(await setLoginEmail(t.db, inbox.mailer, t.ids.admin, t.actors.eqmgr, "eq@example.org")).toEqual({ ok: true });
    expect(await stillLoggedIn(old)).toBe(false);
  });
});
