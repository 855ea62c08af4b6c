import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { thingLoans, things } from "@/lib/db/schema";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { lendThing, listOpenLoans, returnThing } from "./loans";
import { sendOverdueReminders } from "./overdue-reminders";
import { savePublicUrl, saveTimeZone } from "../settings/testing/save-settings";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { createThing, thingHistory } from "./things";
import { constraintOf } from "../shared/db-errors";

let t: DemoDatabase;
let ids: Record<string, number>;
let inbox: Inbox;
const day = 86_400_000;
// A due day n days from now (the UTC date: never before today in the space's zone for n ≥ 1).
const dayIn = (n: number) => new Date(Date.now() + n * day).toISOString().slice(0, 10);

async function thing(name: string) {
  const r = await createThing(t.db, ids.admin!, { name });
  if (!r.ok) throw new Error(r.message);
  return r;
}

databaseWithInbox(createDemoDatabase, (database, mail) => {
  [t, ids, inbox] = [database, database.ids, mail];
});

describe("loans", () => {
  it("lends a thing once; lending it again is refused with a clear message", async () => {
    const drill = await thing("Cordless drill");
    const due = dayIn(7);
    expect(await lendThing(t.db, ids.admin!, { thingId: drill.id, borrowerPersonId: ids.member!, dueOn: due })).toMatchObject({ ok: true });
    const again = await lendThing(t.db, ids.admin!, { thingId: drill.id, borrowerPersonId: ids.maria!, dueOn: due });
    expect(again).toMatchObject({ ok: false, code: "already_lent" });
    if (!again.ok) expect(again.message).toMatch(/already lent out/);
    expect((await t.db.select().from(thingLoans).where(eq(thingLoans.thingId, drill.id))).length).toBe(1);
  });

  it("has the database refuse a second open loan, whoever writes", async () => {
    const saw = await thing("Jigsaw");
    const row = { thingId: saw.id, borrowerPersonId: ids.member!, dueOn: dayIn(1) };
    await t.db.insert(thingLoans).values(row);
    const error = await t.db
      .insert(thingLoans)
      .values(row)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(constraintOf(error)).toBe("thing_loans_one_open_idx");
  });

  it("takes a thing back, then it may be lent again; the history shows both", async () => {
    const glue = await thing("Glue gun");
    const due = dayIn(1);
    await lendThing(t.db, ids.admin!, { thingId: glue.id, borrowerPersonId: ids.member!, dueOn: due });
    expect(await returnThing(t.db, ids.admin!, glue.id)).toMatchObject({ ok: true });
    expect(await returnThing(t.db, ids.admin!, glue.id)).toMatchObject({ ok: false, code: "not_lent" });
    expect(await lendThing(t.db, ids.admin!, { thingId: glue.id, borrowerPersonId: ids.maria!, dueOn: due })).toMatchObject({ ok: true });
    const kinds = (await thingHistory(t.db, glue.id)).map((h) => h.changeType);
    expect(kinds).toEqual(["thing.lend", "thing.return", "thing.lend", "thing.create"]);
  });

  it("refuses lending by members and with a due date in the past", async () => {
    const tape = await thing("Tape measure");
    expect(await lendThing(t.db, ids.member!, { thingId: tape.id, borrowerPersonId: ids.member!, dueOn: dayIn(1) })).toMatchObject({ code: "forbidden" });
    expect(await lendThing(t.db, ids.admin!, { thingId: tape.id, borrowerPersonId: ids.member!, dueOn: dayIn(-1) })).toMatchObject({ code: "due_in_past" });
  });

  it("lists overdue loans and mails each borrower once over real SMTP", async () => {
    const sander = await thing("Orbital sander");
    const lentAt = new Date(Date.now() - 10 * day);
    await lendThing(t.db, ids.admin!, { thingId: sander.id, borrowerPersonId: ids.maria!, dueOn: dayIn(-3) }, lentAt);
    const now = new Date();
    const overdue = await listOpenLoans(t.db, { overdueAt: now });
    expect(overdue.map((l) => l.thingName)).toContain("Orbital sander");
    expect(overdue.map((l) => l.thingName)).not.toContain("Glue gun");

    const mailer = inbox.mailer;
    await savePublicUrl(t.db, "https://space.example.org");
    const first = await sendOverdueReminders(t.db, { mailer, now });
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const mail = inbox.mails.find((m) => m.to.join(",") === "maria@makerspace.local");
    expect(mail?.raw).toContain("Orbital sander");
    expect(mail?.raw).toContain(`https://space.example.org/things/${sander.number}`);
    const count = inbox.mails.length;
    const second = await sendOverdueReminders(t.db, { mailer, now: new Date(now.getTime() + 3_600_000) });
    expect(second.sent).toBe(0);
    expect(inbox.mails.length).toBe(count);
    const [loan] = await t.db.select().from(thingLoans).where(eq(thingLoans.thingId, sander.id));
    expect(loan!.lastReminderAt).not.toBeNull();
    expect((await t.db.select().from(things).where(eq(things.id, sander.id))).length).toBe(1);
  });

  it("keeps a due day the same day whatever zone the space saves; overdue from the next day there", async () => {
    const gun = await thing("Heat gun");
    expect(
      await lendThing(t.db, ids.admin!, { thingId: gun.id, borrowerPersonId: ids.member!, dueOn: "2027-03-28" }, new Date("2027-03-20T10:00:00Z")),
    ).toMatchObject({ ok: true });
    const seen = async (zone: string, at: string) => {
      await saveTimeZone(t.db, zone);
      const due = (await listOpenLoans(t.db)).find((l) => l.thingId === gun.id)?.dueOn;
      const overdue = (await listOpenLoans(t.db, { overdueAt: new Date(at) })).some((l) => l.thingId === gun.id);
      return { due, overdue };
    };
    try {
      // 23:30 UTC on the 28th is the 29th in Vienna (the night its clocks go forward), still the 28th in New York.
      expect(await seen("Europe/Vienna", "2027-03-28T23:30:00Z")).toEqual({ due: "2027-03-28", overdue: true });
      expect(await seen("America/New_York", "2027-03-28T23:30:00Z")).toEqual({ due: "2027-03-28", overdue: false });
      // Auckland is 13 hours ahead: 23:30 and 00:30 there.
      expect(await seen("Pacific/Auckland", "2027-03-28T10:30:00Z")).toEqual({ due: "2027-03-28", overdue: false });
      expect(await seen("Pacific/Auckland", "2027-03-28T11:30:00Z")).toEqual({ due: "2027-03-28", overdue: true });
    } finally {
      await saveTimeZone(t.db, "Europe/Vienna");
    }
  });
});
