import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people } from "@/lib/db/schema";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import type { Mailer } from "../mail/mailer";
import { notifyPerson, type NotifyOutcome } from "../mail/notify";
import { publicLink } from "../settings/public-link";

/** A status's name in the reader's language (the built-in ones are translated; admins' own keep their name). */
function statusName(t: Translate, status: { key: string; name: string }): string {
  const key = `status.${status.key}`;
  return isMessageKey(key) ? t(key) : status.name;
}

/** Essential mails about a person's application and membership: they cannot be turned off. */
export async function mailApplicationReceived(db: Db, mailer: Mailer, personId: number): Promise<NotifyOutcome> {
  const link = await publicLink(db, "/home");
  return notifyPerson(db, mailer, personId, "essential", { subject: "mail.application.received.subject", body: "mail.application.received.body" }, () => ({
    link,
  }));
}

export async function mailApplicationApproved(db: Db, mailer: Mailer, personId: number): Promise<NotifyOutcome> {
  const [row] = await db
    .select({ s: membershipStatuses, number: people.memberNumber })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId));
  const link = await publicLink(db, "/home");
  return notifyPerson(db, mailer, personId, "essential", { subject: "mail.application.approved.subject", body: "mail.application.approved.body" }, (r) => ({
    status: row ? statusName(r.t, row.s) : "-",
    number: row?.number ?? "-",
    link,
  }));
}

export async function mailApplicationRejected(db: Db, mailer: Mailer, personId: number): Promise<NotifyOutcome> {
  return notifyPerson(db, mailer, personId, "essential", { subject: "mail.application.rejected.subject", body: "mail.application.rejected.body" }, () => ({}));
}

/** After a status change by the board: from what to what (names in the reader's language). */
export async function mailStatusChanged(db: Db, mailer: Mailer, personId: number, from: { key: string; name: string }): Promise<NotifyOutcome> {
  const [row] = await db
    .select({ s: membershipStatuses })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId));
  if (!row || row.s.key === from.key) return "off";
  const link = await publicLink(db, "/home");
  return notifyPerson(db, mailer, personId, "essential", { subject: "mail.status.subject", body: "mail.status.body" }, (r) => ({
    from: statusName(r.t, from),
    status: statusName(r.t, row.s),
    link,
  }));
}

/** The person's status now (to tell them later what it was before a change). */
export async function statusOf(db: Db, personId: number): Promise<{ key: string; name: string } | null> {
  const [row] = await db
    .select({ key: membershipStatuses.key, name: membershipStatuses.name })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId));
  return row ?? null;
}
