import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { machines } from "./equipment";
import { people } from "./people";

/**
 * An ESP32 board that reported for a machine (`alive`). One row per machine and board serial (old firmware
 * without a serial shares the row with key ""), so a reboot with a new random client id updates the same row.
 */
export const boards = pgTable(
  "boards",
  {
    id: serial().primaryKey(),
    machineId: integer()
      .notNull()
      .references(() => machines.id, { onDelete: "cascade" }),
    serialKey: text().notNull().default(""),
    clientId: text(),
    firmwareVersion: text(),
    ip: text(),
    serial: text(),
    heap: integer(),
    firstSeenAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("boards_machine_serial_idx").on(t.machineId, t.serialKey)],
);
export type Board = typeof boards.$inferSelect;

/** When the broker last heard anything from a machine's board (written at most every few seconds); online = < 90 s. */
export const machinePresence = pgTable("machine_presence", {
  machineId: integer()
    .primaryKey()
    .references(() => machines.id, { onDelete: "cascade" }),
  lastHeardAt: timestamp({ withTimezone: true }).notNull(),
});

export const RECORDED_AS = ["live", "replayed", "reconstructed", "manual"] as const;
export const ENDED_BECAUSE = ["stop", "stale", "superseded", "manual"] as const;
/** Why a board's report could not be true (lib/domain/usage/decide-usage-plausibility.ts). */
export const IMPLAUSIBLE_REASONS = ["negative", "too_long", "longer_than_since_start", "in_the_future"] as const;

/**
 * One use of a machine by a card. `duration_seconds` is the board's own measurement; `ended_at` follows from it.
 * At most one open session per machine (partial unique index). Not audited: the table is itself the log.
 */
export const usageSessions = pgTable(
  "usage_sessions",
  {
    id: serial().primaryKey(),
    machineId: integer()
      .notNull()
      .references(() => machines.id),
    /** Null once the retention purge has anonymised the session (the hours still count). */
    personId: integer().references(() => people.id),
    cardUid: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    durationSeconds: integer(),
    recordedAs: text({ enum: RECORDED_AS }).notNull(),
    endedBecause: text({ enum: ENDED_BECAUSE }),
    lastHeartbeatAt: timestamp({ withTimezone: true }).notNull(),
    heartbeats: integer().notNull().default(0),
    /** The receivedAt of the event that opened it: applying the same event twice (spool replay) is then a no-op. */
    openedByEventAt: timestamp({ withTimezone: true }).notNull(),
    /** The receivedAt of the stopuse that closed it (null: not closed by a stop): tells a stop already applied. */
    closedByEventAt: timestamp({ withTimezone: true }),
    /** Closed by a replayed stopuse: what a later replay of the same offline queue is compared with. */
    closedByReplay: boolean().notNull().default(false),
    /**
     * Set when a board reported a duration that cannot be true (a forged or broken report): the session is kept as
     * reported but counts nowhere (machine hours, maintenance counters, statistics) until an admin accepts it.
     */
    flaggedReason: text({ enum: IMPLAUSIBLE_REASONS }),
  },
  (t) => [
    uniqueIndex("usage_sessions_one_open_per_machine")
      .on(t.machineId)
      .where(sql`${t.endedAt} is null`),
    index().on(t.machineId, t.startedAt),
    index().on(t.personId, t.startedAt),
    // The machine page's person filter lists who used a machine: a skip scan over this index, not a scan of its sessions.
    index().on(t.machineId, t.personId),
    index().on(t.machineId, t.cardUid, t.startedAt),
    // The operations page lists a machine's flagged sessions; there are few, so the index is small.
    index("usage_sessions_flagged_idx")
      .on(t.machineId, t.startedAt)
      .where(sql`${t.flaggedReason} is not null`),
    check("usage_sessions_duration", sql`${t.durationSeconds} is null or ${t.durationSeconds} >= 0`),
    check("usage_sessions_closed", sql`(${t.endedAt} is null) = (${t.durationSeconds} is null)`),
  ],
);
export type UsageSession = typeof usageSessions.$inferSelect;

/** A swipe of a card nobody holds: the way a new member's card is registered. */
export const unknownCards = pgTable(
  "unknown_cards",
  {
    id: serial().primaryKey(),
    uid: text().notNull(),
    machineId: integer().references(() => machines.id, { onDelete: "set null" }),
    seenAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check("unknown_cards_uid_format", sql`${t.uid} ~ '^[0-9a-f]{8}$'`),
    // The same swipe applied twice (spool replay) is recorded once.
    uniqueIndex("unknown_cards_swipe_idx").on(t.uid, t.machineId, t.seenAt),
    index().on(t.seenAt),
  ],
);
export type UnknownCard = typeof unknownCards.$inferSelect;

/** Maintenance due every N hours of use; hours count from the last intervention (or the plan's creation). */
export const maintenancePlans = pgTable(
  "maintenance_plans",
  {
    id: serial().primaryKey(),
    machineId: integer()
      .notNull()
      .references(() => machines.id, { onDelete: "cascade" }),
    everyHours: integer().notNull(),
    description: text().notNull().default(""),
    lcdText: text().notNull(),
    instructionsUrl: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.machineId),
    check("maintenance_plans_every_hours", sql`${t.everyHours} > 0`),
    check("maintenance_plans_lcd_text", sql`char_length(${t.lcdText}) between 1 and 16`),
  ],
);
export type MaintenancePlan = typeof maintenancePlans.$inferSelect;

export const interventions = pgTable(
  "interventions",
  {
    id: serial().primaryKey(),
    planId: integer().references(() => maintenancePlans.id, { onDelete: "set null" }),
    machineId: integer()
      .notNull()
      .references(() => machines.id, { onDelete: "cascade" }),
    personId: integer().references(() => people.id),
    doneAt: timestamp({ withTimezone: true }).notNull(),
    source: text({ enum: ["board", "manual"] }).notNull(),
    notes: text().notNull().default(""),
  },
  (t) => [index().on(t.machineId, t.doneAt), uniqueIndex("interventions_plan_done_idx").on(t.planId, t.doneAt)],
);
export type Intervention = typeof interventions.$inferSelect;

/** Remote start/stop for a board: the web app writes, the broker polls, publishes and marks the row sent. */
export const machineCommands = pgTable(
  "machine_commands",
  {
    id: serial().primaryKey(),
    machineId: integer()
      .notNull()
      .references(() => machines.id, { onDelete: "cascade" }),
    kind: text({ enum: ["start", "stop"] }).notNull(),
    cardUid: text().notNull(),
    requestedById: integer().references(() => people.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: text({ enum: ["pending", "sent", "expired"] })
      .notNull()
      .default("pending"),
    sentAt: timestamp({ withTimezone: true }),
    sentBy: text(),
  },
  (t) => [
    index("machine_commands_pending_idx")
      .on(t.id)
      .where(sql`${t.status} = 'pending'`),
  ],
);
export type MachineCommand = typeof machineCommands.$inferSelect;
