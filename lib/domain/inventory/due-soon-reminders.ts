import { and, asc, eq, gte, isNull, lt, lte } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { thingLoans, things } from "@/lib/db/schema";
import { addDays, formatPlainDate, isoDate, parseDay } from "@/lib/time";
import { remindClaimed } from "../mail/claimed-reminders";
import type { Mailer } from "../mail/mailer";
import { notifyPerson } from "../mail/notify";
import { publicLink } from "../settings/public-link";
import { spaceToday } from "../settings/space-today";

export interface DueSoonOptions {
  now?: Date;
  /** How many days ahead a due day counts as soon (default 2: the day after tomorrow, tomorrow and today). */
  days?: number;
}

/**
 * Call once a day: tells each borrower whose thing is due back within `days` days (in the space's calendar), once
 * per loan (topic "loans": the borrower may turn it off; the overdue reminder is the essential one). A loan made
 * within the last day is left out: its "you borrowed" mail named the due day just now. Each loan is claimed before
 * its mail goes, so a repeated run never mails twice; a mail that failed gives the claim back for the next run.
 */
export async function sendDueSoonReminders(db: Db, mailer: Mailer, options: DueSoonOptions = {}): Promise<{ sent: number; off: number; failed: number }> {
  const now = options.now ?? new Date();
  const today = await spaceToday(db, now);
  const last = isoDate(addDays(parseDay(today)!, options.days ?? 2));
  const due = await db
    .select({ loan: thingLoans, thing: things.name })
    .from(thingLoans)
    .innerJoin(things, eq(things.id, thingLoans.thingId))
    .where(
      and(
        isNull(thingLoans.returnedAt),
        isNull(thingLoans.dueSoonMailedAt),
        gte(thingLoans.dueOn, today),
        lte(thingLoans.dueOn, last),
        lt(thingLoans.lentAt, new Date(now.getTime() - 86_400_000)),
      ),
    )
    .orderBy(asc(thingLoans.dueOn), asc(thingLoans.id));
  const link = await publicLink(db, "/loans");
  const counts = await remindClaimed(due, {
    claim: async ({ loan }) => {
      const [claimed] = await db
        .update(thingLoans)
        .set({ dueSoonMailedAt: now })
        .where(and(eq(thingLoans.id, loan.id), isNull(thingLoans.dueSoonMailedAt), isNull(thingLoans.returnedAt)))
        .returning({ id: thingLoans.id });
      return !!claimed; // not: another run took it, or it came back meanwhile
    },
    send: ({ loan, thing }) =>
      notifyPerson(db, mailer, loan.borrowerPersonId, "loans", { subject: "mail.dueSoon.subject", body: "mail.dueSoon.body" }, (r) => ({
        thing,
        due: formatPlainDate(loan.dueOn, r.locale),
        link,
      })),
    release: ({ loan }) => db.update(thingLoans).set({ dueSoonMailedAt: null }).where(eq(thingLoans.id, loan.id)),
  });
  return { sent: counts.sent, off: counts.off + counts.no_address, failed: counts.failed };
}
