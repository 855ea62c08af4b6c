import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { equipmentTypes } from "./equipment";
import { people } from "./people";

const LEVELS = ["user", "owner", "trainer"] as const;

/** A training session on one equipment type and level; passing it earns that relationship. */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: serial().primaryKey(),
    equipmentTypeId: integer()
      .notNull()
      .references(() => equipmentTypes.id),
    level: text({ enum: LEVELS }).notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** Free text until the calendar brings rooms. */
    room: text().notNull().default(""),
    capacity: integer().notNull(),
    notes: text().notNull().default(""),
    cancelledAt: timestamp({ withTimezone: true }),
    createdById: integer().references(() => people.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.equipmentTypeId, t.startsAt),
    index().on(t.startsAt),
    check("training_sessions_capacity", sql`${t.capacity} between 1 and 500`),
    check("training_sessions_times", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
export type TrainingSession = typeof trainingSessions.$inferSelect;

/** The trainer(s) running a session. */
export const trainingSessionTrainers = pgTable(
  "training_session_trainers",
  {
    sessionId: integer()
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    personId: integer()
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index().on(t.personId)],
);

/** "To train for <level> of <type> you must be <requiresLevel> of <requiresType>" (e.g. user of Laser before owner). */
export const trainingPrerequisites = pgTable(
  "training_prerequisites",
  {
    id: serial().primaryKey(),
    equipmentTypeId: integer()
      .notNull()
      .references(() => equipmentTypes.id, { onDelete: "cascade" }),
    level: text({ enum: LEVELS }).notNull(),
    requiresEquipmentTypeId: integer()
      .notNull()
      .references(() => equipmentTypes.id, { onDelete: "cascade" }),
    requiresLevel: text({ enum: LEVELS }).notNull(),
  },
  (t) => [uniqueIndex("training_prerequisites_unique").on(t.equipmentTypeId, t.level, t.requiresEquipmentTypeId, t.requiresLevel)],
);
export type TrainingPrerequisite = typeof trainingPrerequisites.$inferSelect;

/**
 * A sign-up; cancelled rows are kept. The waitlist order is created_at, id. At most one active (not cancelled)
 * sign-up per person and session, enforced here so that no race can create a second one.
 */
export const trainingSignups = pgTable(
  "training_signups",
  {
    id: serial().primaryKey(),
    sessionId: integer()
      .notNull()
      .references(() => trainingSessions.id),
    personId: integer()
      .notNull()
      .references(() => people.id),
    status: text({ enum: ["signed_up", "waitlisted", "cancelled"] }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    attendance: text({ enum: ["passed", "failed", "no_show"] }),
    attendanceMarkedAt: timestamp({ withTimezone: true }),
    attendanceMarkedById: integer().references(() => people.id),
  },
  (t) => [
    uniqueIndex("training_signups_one_active")
      .on(t.sessionId, t.personId)
      .where(sql`${t.status} <> 'cancelled'`),
    index().on(t.sessionId, t.status, t.createdAt),
    index().on(t.personId),
  ],
);
export type TrainingSignup = typeof trainingSignups.$inferSelect;

/** "I would like a training on this type": trainers see the open ones, longest waiting first. */
export const trainingRequests = pgTable(
  "training_requests",
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    equipmentTypeId: integer()
      .notNull()
      .references(() => equipmentTypes.id),
    level: text({ enum: LEVELS }).notNull().default("user"),
    note: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    fulfilledAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("training_requests_one_open")
      .on(t.personId, t.equipmentTypeId, t.level)
      .where(sql`${t.fulfilledAt} is null and ${t.withdrawnAt} is null`),
    index().on(t.equipmentTypeId, t.createdAt),
  ],
);
export type TrainingRequest = typeof trainingRequests.$inferSelect;
