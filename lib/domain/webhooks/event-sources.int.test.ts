import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { machines, maintenancePlans, profiles, usageSessions, webhookEvents } from "@/lib/db/schema";
import { AUDIT_CHANGE_TYPES } from "../audit/change-types";
import { cancelRegistration, registerMember } from "../calendar/registrations";
import { saveEvent } from "../calendar/save-event";
import { lendThing } from "../inventory/loans";
import { sendOverdueReminders } from "../inventory/overdue-reminders";
import { createThing } from "../inventory/things";
import { notifyDueMaintenance } from "../machines/maintenance-due";
import { updateProfile } from "../people/person-service";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { WEBHOOK_EVENTS, webhookEventOfAudit } from "./event-types";
import { createWebhook } from "./subscriptions";

/*
 * Issue 19 lists the events a hook can follow. webhooks.int.test.ts delivers some of them (person created, status,
 * usage, machine blocked/unblocked, open status); here every other one is shown to come from the real change that
 * causes it — the daily jobs included — into the outbox, so a renamed audit type cannot silence an event.
 */

let f: DemoDatabase;
let inbox: Inbox;
databaseWithInbox(createDemoDatabase, async (database, mail) => {
  [f, inbox] = [database, mail];
  const hook = await createWebhook(f.db, f.ids.admin, { url: "https://receiver.example/hook", events: [...WEBHOOK_EVENTS] });
  if (!hook.ok) throw new Error(hook.message);
});

const outbox = async (type: string) => (await f.db.select().from(webhookEvents).where(eq(webhookEvents.type, type))).map((e) => e.data);
const DAY = 86_400_000;

describe("webhook events and what causes them", () => {
  it("every event type has a cause: an audited change type that exists, or the broker's usage write path", () => {
    const fromAudit = new Set(AUDIT_CHANGE_TYPES.map((changeType) => webhookEventOfAudit({ changeType, entity: "x" } as never)?.type).filter(Boolean));
    const fromBroker = ["usage.started", "usage.stopped"];
    expect(WEBHOOK_EVENTS.filter((e) => !fromAudit.has(e) && !fromBroker.includes(e))).toEqual([]);
  });

  it("person.changed when a profile is edited", async () => {
    const [p] = await f.db.select().from(profiles).where(eq(profiles.personId, f.ids.maria));
    const saved = await updateProfile(f.db, f.ids.admin, f.ids.maria, {
      firstName: p!.firstName,
      lastName: "Huber-Berger",
      email: p!.email ?? undefined,
      preferredLanguage: "de",
    });
    expect(saved.ok).toBe(true);
    expect(await outbox("person.changed")).toContainEqual(expect.objectContaining({ personId: f.ids.maria, change: "profile.update" }));
  });

  it("event.created, registration.created and registration.cancelled from the calendar", async () => {
    const made = await saveEvent(f.db, f.ids.admin, {
      title: "Hook night",
      startsAt: new Date(Date.now() + 5 * DAY),
      endsAt: new Date(Date.now() + 5 * DAY + 7_200_000),
      timeZone: "Europe/Vienna",
      visibility: "public",
    });
    if (!made.ok) throw new Error(made.message);
    expect(await outbox("event.created")).toEqual([{ eventId: made.eventId, public: true }]);
    const reg = await registerMember(f.db, { eventId: made.eventId, personId: f.ids.member });
    if (!reg.ok) throw new Error(reg.message);
    expect(await outbox("registration.created")).toEqual([
      expect.objectContaining({ registrationId: reg.registrationId, eventId: made.eventId, personId: f.ids.member }),
    ]);
    expect((await cancelRegistration(f.db, { registrationId: reg.registrationId, actorId: f.ids.member })).ok).toBe(true);
    expect(await outbox("registration.cancelled")).toEqual([expect.objectContaining({ registrationId: reg.registrationId, personId: f.ids.member })]);
  });

  it("maintenance.due from the daily maintenance job", async () => {
    const [laser] = await f.db.select().from(machines).where(eq(machines.boardId, 1));
    const start = new Date(Date.now() - 10 * DAY);
    const [plan] = await f.db.insert(maintenancePlans).values({ machineId: laser!.id, everyHours: 2, lcdText: "Clean lens", createdAt: start }).returning();
    const end = new Date(start.getTime() + 3 * 3_600_000);
    await f.db.insert(usageSessions).values({
      machineId: laser!.id,
      personId: f.ids.member,
      cardUid: "efbeadde",
      startedAt: start,
      endedAt: end,
      durationSeconds: 3 * 3600,
      recordedAs: "live",
      endedBecause: "stop",
      lastHeartbeatAt: end,
      openedByEventAt: start,
    });
    await notifyDueMaintenance(f.db, inbox.mailer);
    expect(await outbox("maintenance.due")).toEqual([{ planId: plan!.id, machineId: laser!.id, hoursSince: 3 }]);
  });

  it("loan.overdue from the daily overdue-loan reminders", async () => {
    const thing = await createThing(f.db, f.ids.admin, { name: "Hook drill" });
    if (!thing.ok) throw new Error(thing.message);
    const lent = new Date(Date.now() - 20 * DAY);
    const loan = await lendThing(
      f.db,
      f.ids.admin,
      { thingId: thing.id, borrowerPersonId: f.ids.member, dueOn: new Date(lent.getTime() + 7 * DAY).toISOString().slice(0, 10) },
      lent,
    );
    if (!loan.ok) throw new Error(loan.message);
    expect((await sendOverdueReminders(f.db, { mailer: inbox.mailer })).sent).toBe(1);
    expect(await outbox("loan.overdue")).toEqual([{ thingId: thing.id, loanId: loan.loanId, personId: f.ids.member }]);
  });
});
