import { FULL_SCOPE } from "../access/view-rights";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, applicantConfirmations, machines, people, unknownCards, usageSessions } from "@/lib/db/schema";
import { authenticateWithPassword } from "../auth/authenticate";
import { notifyAuditSubscribers, subscribeToChanges } from "../audit/subscriptions";
import { approveApplicant, confirmApplicant, listPendingApplicants, signUpApplicant } from "./applicant-signup";
import { countWaitingApplications } from "./waiting-applications";
import { updateProfile } from "./person-service";
import { anonymiseOldUsage, purgeUnknownCards, runPurge } from "./retention";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
let inbox: Inbox;
databaseWithInbox(createDemoDatabase, (database, mail) => {
  t = database;
  inbox = mail;
});

const limits = { maxPerAccount: 50, maxPerIp: 50, windowMinutes: 15 };

describe("public sign-up", () => {
  it("mails a link; the login works only after confirming; the board approves and a number is assigned", async () => {
    const input = { firstName: "Nina", lastName: "Neu", email: "Nina@Example.org", password: "a-long-password-1" };
    const signed = await signUpApplicant(t.db, inbox.mailer, input);
    if (!signed.ok || signed.personId === null) throw new Error("sign-up failed");
    const r = { personId: signed.personId };
    const mail = unfold(inbox.mails.find((m) => m.to.includes("nina@example.org"))!.raw);
    const token = mail.match(/signup\/confirm\?token=([A-Za-z0-9_-]+)/)![1]!;
    const login = () => authenticateWithPassword(t.db, { email: "nina@example.org", password: input.password, ip: "10.0.0.1" }, limits);
    expect((await login()).ok).toBe(false);

    expect(await confirmApplicant(t.db, "forged")).toMatchObject({ ok: false, code: "invalid_token" });
    expect(await confirmApplicant(t.db, token)).toEqual({ ok: true, personId: r.personId, kind: "application" });
    expect(await confirmApplicant(t.db, token)).toMatchObject({ code: "invalid_token" });
    expect((await login()).ok).toBe(true);
    expect((await listPendingApplicants(t.db, FULL_SCOPE)).map((a) => a.personId)).toEqual([r.personId]);
    expect(await countWaitingApplications(t.db, FULL_SCOPE)).toBe(1); // the people list's link: confirmed applications count

    expect(await approveApplicant(t.db, t.ids.member, r.personId)).toMatchObject({ code: "forbidden" });
    expect(await approveApplicant(t.db, t.ids.admin, r.personId)).toEqual({ ok: true });
    const [person] = await t.db.select().from(people).where(eq(people.id, r.personId));
    expect(person!.memberNumber).toEqual(expect.any(Number));
    expect(await listPendingApplicants(t.db, FULL_SCOPE)).toEqual([]);
  });

  it("refuses an expired link", async () => {
    const signed = await signUpApplicant(t.db, inbox.mailer, {
      firstName: "Late",
      lastName: "Comer",
      email: "late@example.org",
      password: "a-long-password-1",
    });
    if (!signed.ok || signed.personId === null) throw new Error("sign-up failed");
    const r = { personId: signed.personId };
    const token = unfold(inbox.mails.at(-1)!.raw).match(/signup\/confirm\?token=([A-Za-z0-9_-]+)/)![1]!;
    await t.db
      .update(applicantConfirmations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(applicantConfirmations.personId, r.personId));
    expect(await confirmApplicant(t.db, token)).toMatchObject({ code: "invalid_token" });
    const [account] = await t.db.select().from(accounts).where(eq(accounts.personId, r.personId));
    expect(account!.disabled).toBe(true);
  });
});

describe("audit subscriptions", () => {
  it("mails subscribers about matching new entries once, and nobody without audit.read", async () => {
    expect(await subscribeToChanges(t.db, t.ids.member, "profile.*")).toMatchObject({ code: "forbidden" });
    expect(await subscribeToChanges(t.db, t.ids.admin, "not a type!")).toMatchObject({ code: "invalid", field: "changeType" });
    expect(await subscribeToChanges(t.db, t.ids.admin, "profile.*")).toEqual({ ok: true });
    const before = inbox.mails.length;
    await updateProfile(t.db, t.ids.maria, t.ids.maria, { firstName: "Maria", lastName: "Huber", email: "maria@makerspace.local", phone: "+43 1 111" });
    expect(await notifyAuditSubscribers(t.db, inbox.mailer)).toEqual({ sent: 1, failed: 0 });
    expect(await notifyAuditSubscribers(t.db, inbox.mailer)).toEqual({ sent: 0, failed: 0 });
    const mail = inbox.mails.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual(["admin@makerspace.local"]);
    expect(unfold(mail[0]!.raw)).toContain("profile.update");
  });
});

describe("retention job", () => {
  it("deletes unknown cards older than 30 days only", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    await t.db.insert(unknownCards).values([
      { uid: "deadbeef", seenAt: new Date("2026-01-01T00:00:00Z") },
      { uid: "feedf00d", seenAt: new Date("2026-02-20T00:00:00Z") },
    ]);
    expect(await purgeUnknownCards(t.db, now)).toBe(1);
    expect((await t.db.select().from(unknownCards)).map((c) => c.uid)).toEqual(["feedf00d"]);
  });

  it("anonymises usage older than the retention, keeping the hours", async () => {
    const [machine] = await t.db.select().from(machines);
    const session = (startedAt: Date) => ({
      machineId: machine!.id,
      personId: t.ids.member,
      cardUid: "efbeadde",
      startedAt,
      endedAt: new Date(startedAt.getTime() + 3600_000),
      durationSeconds: 3600,
      recordedAs: "live" as const,
      lastHeartbeatAt: startedAt,
      openedByEventAt: startedAt,
    });
    await t.db.insert(usageSessions).values([session(new Date("2024-01-10T10:00:00Z")), session(new Date("2026-02-10T10:00:00Z"))]);
    const now = new Date("2026-03-01T12:00:00Z");
    const report = await runPurge(t.db, { usageAfterDays: 365, now });
    expect(report.unknownCardsDeleted).toBe(0);
    expect(report.usage).toEqual({ anonymised: 1 });
    // A second run finds nothing left to anonymise.
    expect(await anonymiseOldUsage(t.db, now, 365)).toEqual({ anonymised: 0 });
    const rows = await t.db.select().from(usageSessions).orderBy(usageSessions.startedAt);
    expect(rows.map((r) => [r.personId, r.cardUid, r.durationSeconds])).toEqual([
      [null, "00000000", 3600],
      [t.ids.member, "efbeadde", 3600],
    ]);
  });
});
