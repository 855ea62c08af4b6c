import { and, asc, desc, eq, gte, isNotNull, isNull, lt, sql, sum } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { machines, people, profiles, unknownCards, usageSessions, weeklySummaryOptins } from "@/lib/db/schema";
import { isLocale, translator, type Locale } from "@/lib/i18n/translate";
import { formatDate, formatDateTime } from "@/lib/time";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import { recordAudit } from "../audit/record-audit";
import { duePlansAcrossSpace } from "../machines/maintenance-due";
import { sendCounted, type MailRun } from "../mail/mail-run";
import type { Mailer } from "../mail/mailer";
import { fail, type Result } from "./result";

/** Who may ask for the summary: the people who look after the machines day to day. */
export const SUMMARY_PERMISSION: Permission = "machines.operate";
const WEEK_MS = 7 * 86_400_000;

export interface WeeklySummary {
  from: Date;
  to: Date;
  hoursPerMachine: { machine: string; hours: number; sessions: number }[];
  maintenanceDue: { machine: string; task: string; hoursSince: number; everyHours: number }[];
  unknownCards: { uid: string; machine: string | null; seenAt: Date }[];
}

/** The last seven days up to `now`: closed sessions by start, plans due now, unknown swipes of the week. */
export async function composeWeeklySummary(db: Db, now = new Date()): Promise<WeeklySummary> {
  const from = new Date(now.getTime() - WEEK_MS);
  const hours = await db
    .select({ machine: machines.name, seconds: sum(usageSessions.durationSeconds).mapWith(Number), sessions: sql<number>`count(*)::int` })
    .from(usageSessions)
    .innerJoin(machines, eq(machines.id, usageSessions.machineId))
    .where(
      and(gte(usageSessions.startedAt, from), lt(usageSessions.startedAt, now), isNotNull(usageSessions.durationSeconds), isNull(usageSessions.flaggedReason)),
    )
    .groupBy(machines.name)
    .orderBy(desc(sum(usageSessions.durationSeconds)), asc(machines.name));
  const unknown = await db
    .select({ uid: unknownCards.uid, machine: machines.name, seenAt: unknownCards.seenAt })
    .from(unknownCards)
    .leftJoin(machines, eq(machines.id, unknownCards.machineId))
    .where(and(gte(unknownCards.seenAt, from), lt(unknownCards.seenAt, now)))
    .orderBy(asc(unknownCards.seenAt))
    .limit(200);
  const due = await duePlansAcrossSpace(db, now);
  return {
    from,
    to: now,
    hoursPerMachine: hours.map((h) => ({ machine: h.machine, hours: Math.round((h.seconds / 3600) * 10) / 10, sessions: h.sessions })),
    maintenanceDue: due.map((p) => ({ machine: p.machineName, task: p.lcdText, hoursSince: Math.round(p.hoursSince * 10) / 10, everyHours: p.everyHours })),
    unknownCards: unknown,
  };
}

export async function wantsWeeklySummary(db: Db, personId: number): Promise<boolean> {
  return (await db.select().from(weeklySummaryOptins).where(eq(weeklySummaryOptins.personId, personId))).length > 0;
}

/** A person turns their own summary on or off; only with SUMMARY_PERMISSION may they turn it on. Audited. */
export async function setWeeklySummary(db: Db, personId: number, enabled: boolean): Promise<Result<object, "forbidden">> {
  if (enabled && !(await permissionsOfPerson(db, personId)).has(SUMMARY_PERMISSION))
    return fail("forbidden", `The weekly summary needs the permission ${SUMMARY_PERMISSION}.`);
  await db.transaction(async (tx) => {
    const changed = enabled
      ? await tx.insert(weeklySummaryOptins).values({ personId }).onConflictDoNothing().returning()
      : await tx.delete(weeklySummaryOptins).where(eq(weeklySummaryOptins.personId, personId)).returning();
    if (changed.length === 0) return;
    await recordAudit(tx, {
      actorId: personId,
      subjectPersonId: personId,
      changeType: "usage.weekly_summary_optin",
      entity: "weekly_summary_optin",
      entityId: personId,
      before: { enabled: !enabled },
      after: { enabled },
    });
  });
  return { ok: true };
}

/**
 * Mails the summary to everyone opted in who still holds SUMMARY_PERMISSION, has an address and has not left,
 * each in their language, with the space's name. Returns the mails sent and failed (a failed one stops no other).
 */
export async function sendWeeklySummaries(db: Db, mailer: Mailer, opts: { spaceName: string; timeZone: string; now?: Date }): Promise<MailRun> {
  const now = opts.now ?? new Date();
  const recipients = await db
    .select({ personId: weeklySummaryOptins.personId, email: profiles.email, language: profiles.preferredLanguage })
    .from(weeklySummaryOptins)
    .innerJoin(people, eq(people.id, weeklySummaryOptins.personId))
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(and(isNotNull(profiles.email), isNull(people.erasedAt), isNull(people.leftOn)));
  const run: MailRun = { sent: 0, failed: 0 };
  if (recipients.length === 0) return run;
  const summary = await composeWeeklySummary(db, now);
  for (const r of recipients) {
    if (!r.email || !(await permissionsOfPerson(db, r.personId)).has(SUMMARY_PERMISSION)) continue;
    const locale = r.language && isLocale(r.language) ? r.language : "en";
    await sendCounted(mailer, { to: r.email, ...renderSummary(summary, { locale, spaceName: opts.spaceName, timeZone: opts.timeZone }) }, run);
  }
  return run;
}

export function renderSummary(s: WeeklySummary, o: { locale: Locale; spaceName: string; timeZone: string }): { subject: string; text: string } {
  const t = translator(o.locale);
  const none = `  ${t("summary.none")}`;
  const hours = s.hoursPerMachine.map((h) => `  ${h.machine}: ${t("summary.hours", { hours: h.hours, sessions: h.sessions })}`);
  const due = s.maintenanceDue.map((p) => `  ${p.machine}: ${p.task} (${t("summary.dueHours", { since: p.hoursSince, every: p.everyHours })})`);
  const cards = s.unknownCards.map((c) => `  ${c.uid}  ${formatDateTime(c.seenAt, o.locale, o.timeZone)}${c.machine ? `  ${c.machine}` : ""}`);
  const text = [
    t("summary.intro", { space: o.spaceName, from: formatDate(s.from, o.locale, o.timeZone), to: formatDate(s.to, o.locale, o.timeZone) }),
    "",
    t("summary.hoursTitle"),
    ...(hours.length ? hours : [none]),
    "",
    t("summary.maintenanceTitle"),
    ...(due.length ? due : [none]),
    "",
    t("summary.cardsTitle"),
    ...(cards.length ? cards : [none]),
    "",
    t("summary.footer"),
  ].join("\n");
  return { subject: t("summary.subject", { space: o.spaceName }), text };
}
