import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { machines } from "./equipment";
import { things } from "./inventory";
import { people } from "./people";

export const rooms = pgTable("rooms", {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  description: text().notNull().default(""),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type Room = typeof rooms.$inferSelect;

/** Anything bookable besides rooms; a machine becomes bookable through a resource linked to it. */
export const resources = pgTable("resources", {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  description: text().notNull().default(""),
  machineId: integer()
    .unique()
    .references(() => machines.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type Resource = typeof resources.$inferSelect;

/**
 * starts_at/ends_at are the first occurrence; time_zone is where its wall-clock time lives, so a weekly
 * 19:00 stays 19:00 local across DST. exception_dates are local dates whose occurrence is skipped.
 */
export const events = pgTable(
  "events",
  {
    id: serial().primaryKey(),
    title: text().notNull(),
    /** The readable address /events/<slug>: made from the title when the event is created, then kept. */
    slug: text().notNull().unique(),
    description: text().notNull().default(""),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    timeZone: text().notNull(),
    allDay: boolean().notNull().default(false),
    recurrenceFreq: text({ enum: ["weekly", "monthly"] }),
    recurrenceInterval: integer().notNull().default(1),
    recurrenceUntil: timestamp({ withTimezone: true }),
    recurrenceCount: integer(),
    /** 0 = Sunday … 6 = Saturday; empty means the weekday of the first occurrence. */
    recurrenceWeekdays: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    exceptionDates: date({ mode: "string" })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    responsiblePersonId: integer().references(() => people.id),
    visibility: text({ enum: ["public", "members"] })
      .notNull()
      .default("members"),
    capacity: integer(),
    cancelledAt: timestamp({ withTimezone: true }),
    createdById: integer().references(() => people.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.startsAt),
    check("events_times", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_capacity", sql`${t.capacity} is null or ${t.capacity} >= 1`),
    check("events_interval", sql`${t.recurrenceInterval} between 1 and 52`),
  ],
);
export type Event = typeof events.$inferSelect;

/** Expanded occurrences within the horizon: what conflict checks and the views read. */
export const eventOccurrences = pgTable(
  "event_occurrences",
  {
    id: serial().primaryKey(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.startsAt, t.endsAt), index().on(t.eventId)],
);

export const eventRooms = pgTable(
  "event_rooms",
  {
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    roomId: integer()
      .notNull()
      .references(() => rooms.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.roomId] }), index().on(t.roomId)],
);

export const eventResources = pgTable(
  "event_resources",
  {
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    resourceId: integer()
      .notNull()
      .references(() => resources.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.resourceId] }), index().on(t.resourceId)],
);

/** Inventory things an event needs (listed on the event; not conflict-checked, unlike rooms and resources). */
export const eventThings = pgTable(
  "event_things",
  {
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    thingId: integer()
      .notNull()
      .references(() => things.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.thingId] }), index().on(t.thingId)],
);

/**
 * A member (person_id) or a guest (guest_email, confirmed by a mailed token; "pending" until then, taking no place).
 * At most one active registration per member or guest email and event, enforced here against races.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: serial().primaryKey(),
    eventId: integer()
      .notNull()
      .references(() => events.id),
    personId: integer().references(() => people.id),
    guestName: text(),
    guestEmail: text(),
    confirmationTokenHash: text().unique(),
    confirmedAt: timestamp({ withTimezone: true }),
    status: text({ enum: ["pending", "signed_up", "waitlisted", "cancelled"] }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("event_registrations_one_member")
      .on(t.eventId, t.personId)
      .where(sql`${t.status} <> 'cancelled' and ${t.personId} is not null`),
    uniqueIndex("event_registrations_one_guest")
      .on(t.eventId, sql`lower(${t.guestEmail})`)
      .where(sql`${t.status} <> 'cancelled' and ${t.personId} is null`),
    index().on(t.eventId, t.status, t.createdAt),
    index().on(t.personId),
    check("event_registrations_who", sql`${t.personId} is not null or ${t.guestEmail} is not null`),
  ],
);
export type EventRegistration = typeof eventRegistrations.$inferSelect;

export const machineBookings = pgTable(
  "machine_bookings",
  {
    id: serial().primaryKey(),
    machineId: integer()
      .notNull()
      .references(() => machines.id),
    personId: integer()
      .notNull()
      .references(() => people.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    note: text().notNull().default(""),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.machineId, t.startsAt), index().on(t.personId), check("machine_bookings_times", sql`${t.endsAt} > ${t.startsAt}`)],
);
export type MachineBooking = typeof machineBookings.$inferSelect;

/** Secret of a private feed URL; only its hash is stored. One active token per person. */
export const calendarFeedTokens = pgTable(
  "calendar_feed_tokens",
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feed_tokens_one_active")
      .on(t.personId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** Opt-in for the weekly announcement email. */
export const calendarSubscriptions = pgTable("calendar_subscriptions", {
  personId: integer()
    .primaryKey()
    .references(() => people.id),
  weeklyAnnouncement: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
