import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, equipmentTypes, trainingSessions, trainingSignups } from "@/lib/db/schema";
import { formatDate } from "@/lib/time";
import type { Mailer } from "../mail/mailer";
import { notifyPerson, type NotifyOutcome } from "../mail/notify";
import { publicLink } from "../settings/public-link";
import { sessionWhen } from "./training-mail";

async function signupDetails(db: Db, signupId: number) {
  const [row] = await db
    .select({ signup: trainingSignups, session: trainingSessions, typeName: equipmentTypes.name })
    .from(trainingSignups)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSignups.sessionId))
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
    .where(eq(trainingSignups.id, signupId));
  return row ?? null;
}

/** "You have a seat" or "you are on the waitlist", right after signing up (topic "training"). */
export async function mailSignedUp(db: Db, mailer: Mailer, signupId: number, timeZone: string): Promise<NotifyOutcome> {
  const row = await signupDetails(db, signupId);
  if (!row || (row.signup.status !== "signed_up" && row.signup.status !== "waitlisted")) return "off";
  const keys =
    row.signup.status === "signed_up"
      ? ({ subject: "mail.signedUp.subject", body: "mail.signedUp.body" } as const)
      : ({ subject: "mail.waitlisted.subject", body: "mail.waitlisted.body" } as const);
  const link = await publicLink(db, "/equipment");
  return notifyPerson(db, mailer, row.signup.personId, "training", keys, (r) => ({
    type: row.typeName,
    level: r.t(`level.${row.session.level}`),
    when: sessionWhen(row.session.startsAt, r, timeZone),
    room: row.session.room || "-",
    link,
  }));
}

/** "You passed", with how long the new authorization lasts (topic "training"). */
export async function mailPassed(db: Db, mailer: Mailer, signupId: number, timeZone: string): Promise<NotifyOutcome> {
  const row = await signupDetails(db, signupId);
  if (!row || row.signup.attendance !== "passed") return "off";
  const [auth] = await db
    .select()
    .from(equipmentAuthorizations)
    .where(and(eq(equipmentAuthorizations.personId, row.signup.personId), eq(equipmentAuthorizations.trainingSessionId, row.session.id)))
    .orderBy(desc(equipmentAuthorizations.id))
    .limit(1);
  const link = await publicLink(db, "/equipment");
  return notifyPerson(db, mailer, row.signup.personId, "training", { subject: "mail.passed.subject", body: "mail.passed.body" }, (r) => ({
    type: row.typeName,
    level: r.t(`level.${row.session.level}`),
    until: auth?.expiresAt ? r.t("mail.passed.until", { date: formatDate(auth.expiresAt, r.locale, timeZone) }) : r.t("mail.passed.noExpiry"),
    link,
  }));
}
