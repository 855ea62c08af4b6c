import { and, eq, gt, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, eventRegistrations, events, machineBookings, machines, trainingSessions, trainingSignups } from "@/lib/db/schema";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import type { Translate } from "@/lib/i18n/translate";
import { feedEvents, PAST_DAYS, type FeedContext } from "./feed-events";
import { feedTranslator, trainingTitle } from "./feed-texts";
import { personForFeedToken } from "./feed-tokens";
import { buildFeed, type Feed, type FeedTraining } from "./ical-feed";
import { lastSessionEdits, latest } from "./training-edit-times";

/** The private feed behind a secret token: what the person signed up for. null for a bad or revoked token. */
export async function personalFeed(db: Db, token: string, ctx: FeedContext): Promise<Feed | null> {
  const personId = await personForFeedToken(db, token);
  return personId === null ? null : personalFeedOf(db, personId, ctx);
}

/** The person's private feed, whoever asks: check the token first (personForFeedToken). */
export async function personalFeedOf(db: Db, personId: number, ctx: FeedContext): Promise<Feed> {
  const regs = await db
    .select({
      status: eventRegistrations.status,
      createdAt: eventRegistrations.createdAt,
      cancelledAt: eventRegistrations.cancelledAt,
      promotedAt: eventRegistrations.promotedAt,
    })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.personId, personId));
  const changes = regs.flatMap((r) => [r.createdAt, r.cancelledAt, r.promotedAt]).filter((d): d is Date => d instanceof Date);
  const active = await feedEvents(
    db,
    sql`${events.id} in (select ${eventRegistrations.eventId} from ${eventRegistrations} where ${eventRegistrations.personId} = ${personId} and ${eventRegistrations.status} in ('signed_up', 'waitlisted'))`,
    undefined,
    "per event",
  );
  const t = await feedTranslator(db);
  const trainings = await personTrainings(db, personId, ctx.now ?? new Date(), t);
  const bookings = await personBookings(db, personId, ctx.now ?? new Date());
  return buildFeed({
    name: t("feed.personalName", { space: (await getSpaceSettings(db)).name }),
    host: ctx.host,
    baseUrl: ctx.baseUrl,
    events: active,
    trainings,
    bookings,
    extraModified: changes,
  });
}

/** The person's machine bookings, recent and upcoming; cancelled ones stay in (marked) so calendar apps drop them. */
export async function personBookings(db: Db, personId: number, now: Date): Promise<FeedTraining[]> {
  const cutoff = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const rows = await db
    .select({ b: machineBookings, machine: machines.name, location: machines.location })
    .from(machineBookings)
    .innerJoin(machines, eq(machines.id, machineBookings.machineId))
    .where(and(eq(machineBookings.personId, personId), gt(machineBookings.endsAt, cutoff)));
  return rows.map(({ b, machine, location }) => ({
    id: b.id,
    title: b.note ? `${machine}: ${b.note}` : machine,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    location,
    cancelled: b.cancelledAt !== null,
    changedAt: b.cancelledAt ?? b.createdAt,
  }));
}

/** Training sessions the person signed up for (not cancelled sign-ups), recent and upcoming. */
export async function personTrainings(db: Db, personId: number, now: Date, t: Translate): Promise<FeedTraining[]> {
  const cutoff = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const rows = await db
    .select({ s: trainingSessions, type: equipmentTypes.name, signup: trainingSignups })
    .from(trainingSignups)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSignups.sessionId))
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
    .where(and(eq(trainingSignups.personId, personId), ne(trainingSignups.status, "cancelled"), gt(trainingSessions.endsAt, cutoff)));
  const edits = await lastSessionEdits(
    db,
    rows.map((r) => r.s.id),
  );
  return rows.map(({ s, type, signup }) => ({
    id: s.id,
    title: trainingTitle(t, type, s.level),
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    location: s.room,
    cancelled: s.cancelledAt !== null,
    changedAt: latest([s.createdAt, s.cancelledAt, signup.createdAt, signup.promotedAt, edits.get(s.id)]),
  }));
}
