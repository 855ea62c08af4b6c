import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { calendarSubscriptions, people, profiles } from "@/lib/db/schema";
import { formatDateTime } from "@/lib/time";
import { recordAudit } from "../audit/record-audit";
import { sendCounted, type MailRun } from "../mail/mail-run";
import type { Mailer } from "../mail/mailer";
import { publicBase } from "../settings/public-link";
import { absoluteUrl } from "../settings/public-url";
import { upcomingEvents } from "./calendar-queries";

export async function setWeeklyAnnouncement(db: Db, personId: number, enabled: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarSubscriptions).where(eq(calendarSubscriptions.personId, personId));
    await tx
      .insert(calendarSubscriptions)
      .values({ personId, weeklyAnnouncement: enabled })
      .onConflictDoUpdate({ target: calendarSubscriptions.personId, set: { weeklyAnnouncement: enabled, updatedAt: new Date() } });
    await recordAudit(tx, {
      actorId: personId,
      subjectPersonId: personId,
      changeType: "calendar.announcement_optin",
      entity: "calendar_subscription",
      entityId: personId,
      before: { weeklyAnnouncement: before?.weeklyAnnouncement ?? false },
      after: { weeklyAnnouncement: enabled },
    });
  });
}

export async function wantsWeeklyAnnouncement(db: Db, personId: number): Promise<boolean> {
  const [row] = await db.select().from(calendarSubscriptions).where(eq(calendarSubscriptions.personId, personId));
  return row?.weeklyAnnouncement ?? false;
}

/**
 * The weekly mail: the coming seven days' events to every opted-in person with an email who has not left or been
 * erased. Meant for a weekly timer (cron / systemd) calling it; returns how many mails went out and failed (a
 * failed recipient does not stop the others).
 */
export async function sendWeeklyAnnouncement(db: Db, mailer: Mailer, opts: { now?: Date; timeZone: string }): Promise<MailRun> {
  const now = opts.now ?? new Date();
  const items = (await upcomingEvents(db, { now, limit: 200, includeMembersOnly: true })).filter((i) => i.startsAt.getTime() < now.getTime() + 7 * 86_400_000);
  const run: MailRun = { sent: 0, failed: 0 };
  if (!items.length) return run;
  // The mail is English only (no recipient language yet); the date in the one English style.
  const baseUrl = await publicBase(db);
  const lines = items.map((i) => `- ${formatDateTime(i.startsAt, "en", opts.timeZone)}: ${i.title}  ${absoluteUrl(baseUrl, `/events/${i.slug}`)}`);
  const recipients = await db
    .select({ email: profiles.email, first: profiles.firstName })
    .from(calendarSubscriptions)
    .innerJoin(people, eq(people.id, calendarSubscriptions.personId))
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(and(eq(calendarSubscriptions.weeklyAnnouncement, true), isNotNull(profiles.email), isNull(people.erasedAt), isNull(people.leftOn)));
  for (const r of recipients) {
    if (!r.email) continue;
    await sendCounted(
      mailer,
      {
        to: r.email,
        subject: "This week at the makerspace",
        text: `Hello ${r.first},\n\ncoming up this week:\n\n${lines.join("\n")}\n\nYou get this mail because you subscribed in your calendar settings.`,
      },
      run,
    );
  }
  return run;
}
