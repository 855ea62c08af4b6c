import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cards, equipmentAuthorizations, interventions, machines, maintenancePlans, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { duePlansAcrossSpace, notifyDueMaintenance } from "./maintenance-due";

let t: DemoDatabase;
let inbox: Inbox;
databaseWithInbox(createDemoDatabase, (database, mail) => {
  t = database;
  inbox = mail;
});

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (h: number) => new Date(T0.getTime() + h * 3_600_000);

describe("maintenance due", () => {
  it("lists overdue plans and mails the machine's owners once per due cycle", async () => {
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const tom = (await t.db.select().from(cards).where(eq(cards.uid, "b0000002")))[0]!.personId;
    await t.db
      .insert(equipmentAuthorizations)
      .values({ personId: tom, equipmentTypeId: laser!.equipmentTypeId, level: "owner", source: "grant", grantedAt: T0 });
    const [plan] = await t.db.insert(maintenancePlans).values({ machineId: laser!.id, everyHours: 2, lcdText: "Clean lens", createdAt: T0 }).returning();
    const mario = (await t.db.select().from(cards).where(eq(cards.uid, "efbeadde")))[0]!.personId;
    await t.db.insert(usageSessions).values({
      machineId: laser!.id,
      personId: mario,
      cardUid: "efbeadde",
      startedAt: at(1),
      endedAt: at(4),
      durationSeconds: 3 * 3600,
      recordedAs: "live",
      endedBecause: "stop",
      lastHeartbeatAt: at(4),
      openedByEventAt: at(1),
    });

    expect((await duePlansAcrossSpace(t.db, at(5))).map((p) => [p.machineName, p.lcdText, p.hoursSince])).toEqual([["LASER 1", "Clean lens", 3]]);
    expect(await notifyDueMaintenance(t.db, inbox.mailer, at(5))).toEqual({ notified: 1, mails: 1, failed: 0 });
    expect(inbox.mails[0]!.to).toEqual(["trainer@makerspace.local"]);
    expect(inbox.mails[0]!.raw).toContain("Maintenance due: LASER 1 (Clean lens)");
    // Still due an hour later: not mailed again.
    expect(await notifyDueMaintenance(t.db, inbox.mailer, at(6))).toEqual({ notified: 0, mails: 0, failed: 0 });

    // Done, then due again after more use: a new cycle, a new mail.
    await t.db.insert(interventions).values({ planId: plan!.id, machineId: laser!.id, doneAt: at(6), source: "manual" });
    expect(await duePlansAcrossSpace(t.db, at(7))).toEqual([]);
    await t.db.insert(usageSessions).values({
      machineId: laser!.id,
      personId: mario,
      cardUid: "efbeadde",
      startedAt: at(8),
      endedAt: at(11),
      durationSeconds: 3 * 3600,
      recordedAs: "live",
      endedBecause: "stop",
      lastHeartbeatAt: at(11),
      openedByEventAt: at(8),
    });
    expect(await notifyDueMaintenance(t.db, inbox.mailer, at(12))).toEqual({ notified: 1, mails: 1, failed: 0 });
    expect(inbox.mails).toHaveLength(2);
  });
});
