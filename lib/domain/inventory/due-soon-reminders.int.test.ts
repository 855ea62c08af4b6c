import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { thingLoans } from "@/lib/db/schema";
import { setMailPreferences } from "../mail/preferences";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { savePublicUrl, saveTimeZone } from "../settings/testing/save-settings";
import { sendDueSoonReminders } from "./due-soon-reminders";
import { lendThing, returnThing } from "./loans";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { createThing } from "./things";

let t: DemoDatabase;
let ids: Record<string, number>;
let inbox: Inbox;
const hour = 3_600_000;
// Thursday 10 Dec 2026, 08:00 in Vienna: "soon" is the 10th to the 12th.
const now = new Date("2026-12-10T07:00:00Z");
const lentAt = new Date("2026-12-01T10:00:00Z");

async function lend(name: string, borrower: number, dueOn: string, at = lentAt): Promise<number> {
  const thing = await createThing(t.db, ids.admin!, { name });
  if (!thing.ok) throw new Error(thing.message);
  const loan = await lendThing(t.db, ids.admin!, { thingId: thing.id, borrowerPersonId: borrower, dueOn }, at);
  if (!loan.ok) throw new Error(loan.message);
  return thing.id;
}
const mailsTo = (address: string) => inbox.mails.filter((m) => m.to.includes(address)).map((m) => unfold(m.raw));

databaseWithInbox(
  createDemoDatabase,
  async (database, mail) => {
    [t, ids, inbox] = [database, database.ids, mail];
    await saveTimeZone(t.db, "Europe/Vienna");
    await savePublicUrl(t.db, "https://space.example.org");
  },
  { reject: ["applicant@makerspace.local"] },
);

describe("loan due-soon mails", () => {
  it("tell each borrower once that a thing is due within two days, over real SMTP; not what is later, back, or just lent", async () => {
    await lend("Glue gun", ids.maria!, "2026-12-12");
    await lend("Heat gun", ids.maria!, "2026-12-13"); // three days: not yet
    const returned = await lend("Jigsaw", ids.maria!, "2026-12-11");
    expect(await returnThing(t.db, ids.admin!, returned)).toMatchObject({ ok: true });
    await lend("Tape measure", ids.maria!, "2026-12-11", new Date(now.getTime() - 2 * hour)); // lent this morning

    expect(await sendDueSoonReminders(t.db, inbox.mailer, { now })).toEqual({ sent: 1, off: 0, failed: 0 });
    const mails = mailsTo("maria@makerspace.local");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain("Glue gun");
    expect(mails[0]).toMatch(/12(\.|\/| )/); // the due day, in her language's date style
    expect(mails[0]).toContain("https://space.example.org/loans");
    expect(mails[0]).not.toContain("Heat gun");

    // A second run (a restart, the next day) mails nobody twice; the next day the heat gun's turn comes.
    expect(await sendDueSoonReminders(t.db, inbox.mailer, { now: new Date(now.getTime() + hour) })).toEqual({ sent: 0, off: 0, failed: 0 });
    expect(await sendDueSoonReminders(t.db, inbox.mailer, { now: new Date(now.getTime() + 24 * hour) })).toEqual({ sent: 2, off: 0, failed: 0 });
    expect(mailsTo("maria@makerspace.local").filter((m) => m.includes("Heat gun"))).toHaveLength(1);
  });

  it("is switched off by the person (loan mails), and a mail that failed is tried again at the next run", async () => {
    expect(await setMailPreferences(t.db, ids.member!, ids.member!, ["training", "bookings"])).toEqual({ ok: true });
    await lend("Sander", ids.member!, "2026-12-20");
    const refused = await lend("Drill", ids.applicant!, "2026-12-20");
    const later = new Date("2026-12-19T07:00:00Z");
    expect(await sendDueSoonReminders(t.db, inbox.mailer, { now: later })).toEqual({ sent: 0, off: 1, failed: 1 });
    expect(mailsTo("member@makerspace.local")).toEqual([]);
    const [loan] = await t.db.select().from(thingLoans).where(eq(thingLoans.thingId, refused));
    expect(loan!.dueSoonMailedAt).toBeNull();
    expect(await sendDueSoonReminders(t.db, inbox.mailer, { now: new Date(later.getTime() + hour) })).toEqual({ sent: 0, off: 0, failed: 1 });
  });
});
