import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditLog, machines, maintenancePlans, unknownCards, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { openInbox, unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { composeWeeklySummary, sendWeeklySummaries, setWeeklySummary, wantsWeeklySummary } from "./weekly-summary";

let t: DemoDatabase;
let inbox: Inbox;
databaseWithInbox(createDemoDatabase, (database, mail) => {
  t = database;
  inbox = mail;
});

const NOW = new Date("2026-11-30T06:00:00Z");
const ago = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const personOf = async (email: string) => (await t.db.select().from(accounts).where(eq(accounts.email, email)))[0]!.personId;

describe("weekly summary", () => {
  it("is opt-in for staff only, audited", async () => {
    const admin = await personOf("admin@makerspace.local");
    const member = await personOf("member@makerspace.local");
    expect(await setWeeklySummary(t.db, member, true)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await wantsWeeklySummary(t.db, member)).toBe(false);
    expect(await setWeeklySummary(t.db, admin, true)).toEqual({ ok: true });
    expect(await wantsWeeklySummary(t.db, admin)).toBe(true);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "usage.weekly_summary_optin"));
    expect(audit).toHaveLength(1);
  });

  it("mails hours per machine, maintenance due and the week's unknown cards, with the space name", async () => {
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const mario = await personOf("member@makerspace.local");
    const session = (start: Date, hours: number) => ({
      machineId: laser!.id,
      personId: mario,
      cardUid: "efbeadde",
      startedAt: start,
      endedAt: new Date(start.getTime() + hours * 3_600_000),
      durationSeconds: hours * 3600,
      recordedAs: "live" as const,
      lastHeartbeatAt: start,
      openedByEventAt: start,
    });
    // Two sessions this week (3 h), one before it (not counted).
    await t.db.insert(usageSessions).values([session(ago(48), 2), session(ago(30), 1), session(ago(24 * 9), 5)]);
    await t.db.insert(maintenancePlans).values({ machineId: laser!.id, everyHours: 2, lcdText: "Clean lens", createdAt: ago(24 * 20) });
    await t.db.insert(unknownCards).values([
      { uid: "abcdef01", machineId: laser!.id, seenAt: ago(5) },
      { uid: "abcdef02", machineId: laser!.id, seenAt: ago(24 * 10) },
    ]);

    const summary = await composeWeeklySummary(t.db, NOW);
    expect(summary.hoursPerMachine).toEqual([{ machine: "LASER 1", hours: 3, sessions: 2 }]);
    expect(summary.unknownCards.map((c) => c.uid)).toEqual(["abcdef01"]);
    expect(summary.maintenanceDue.map((p) => p.task)).toEqual(["Clean lens"]);

    // Only the admin opted in (the member was refused).
    expect(await sendWeeklySummaries(t.db, inbox.mailer, { spaceName: "Fablab Testhausen", timeZone: "Europe/Vienna", now: NOW })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(inbox.mails).toHaveLength(1);
    expect(inbox.mails[0]!.to).toEqual(["admin@makerspace.local"]);
    const text = unfold(inbox.mails[0]!.raw);
    expect(text).toContain("Subject: Fablab Testhausen: the week on the machines");
    expect(text).toContain("LASER 1: 3 h in 2 sessions");
    expect(text).toContain("LASER 1: Clean lens");
    expect(text).toContain("abcdef01");
    expect(text).not.toContain("abcdef02");
  });

  it("stops when the person opts out", async () => {
    await setWeeklySummary(t.db, await personOf("admin@makerspace.local"), false);
    expect(await sendWeeklySummaries(t.db, inbox.mailer, { spaceName: "X", timeZone: "UTC", now: NOW })).toEqual({ sent: 0, failed: 0 });
  });
});

describe("weekly summary with a refused address", () => {
  it("counts the failed mail and does not throw (a thrown job is retried and would mail the others again)", async () => {
    const refusing = await openInbox({ reject: ["admin@makerspace.local"] });
    try {
      await setWeeklySummary(t.db, await personOf("admin@makerspace.local"), true);
      expect(await sendWeeklySummaries(t.db, refusing.mailer, { spaceName: "X", timeZone: "UTC", now: NOW })).toEqual({ sent: 0, failed: 1 });
      expect(refusing.mails).toHaveLength(0);
    } finally {
      await refusing.close();
    }
  });
});
