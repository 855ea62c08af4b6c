import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { thingLoans, things } from "@/lib/db/schema";
import { formatDate, formatPlainDate } from "@/lib/time";
import type { Mailer } from "../mail/mailer";
import { notifyPerson, type NotifyOutcome } from "../mail/notify";
import { publicLink } from "../settings/public-link";

async function loanDetails(db: Db, loanId: number) {
  const [row] = await db
    .select({ loan: thingLoans, thing: things.name })
    .from(thingLoans)
    .innerJoin(things, eq(things.id, thingLoans.thingId))
    .where(eq(thingLoans.id, loanId));
  return row ?? null;
}

/** "You borrowed X; please bring it back by …" (topic "loans"; the overdue reminder is essential and separate). */
export async function mailLent(db: Db, mailer: Mailer, loanId: number): Promise<NotifyOutcome> {
  const row = await loanDetails(db, loanId);
  if (!row) return "off";
  const link = await publicLink(db, "/loans");
  return notifyPerson(db, mailer, row.loan.borrowerPersonId, "loans", { subject: "mail.lent.subject", body: "mail.lent.body" }, (r) => ({
    thing: row.thing,
    due: formatPlainDate(row.loan.dueOn, r.locale),
    link,
  }));
}

/** "X is marked as returned" (topic "loans"). */
export async function mailReturned(db: Db, mailer: Mailer, loanId: number, timeZone: string): Promise<NotifyOutcome> {
  const row = await loanDetails(db, loanId);
  if (!row?.loan.returnedAt) return "off";
  const returnedAt = row.loan.returnedAt;
  return notifyPerson(db, mailer, row.loan.borrowerPersonId, "loans", { subject: "mail.returned.subject", body: "mail.returned.body" }, (r) => ({
    thing: row.thing,
    when: formatDate(returnedAt, r.locale, timeZone),
  }));
}
