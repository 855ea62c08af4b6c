import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people";
import { trainingSessions } from "./training";

/**
 * `purpose` marks the two special types: training on "organisation" is the membership induction,
 * training on "system" makes a database administrator. Same train-and-record path as any machine.
 */
export const equipmentTypes = pgTable(
  "equipment_types",
  {
    id: serial().primaryKey(),
    name: text().notNull().unique(),
    purpose: text({ enum: ["equipment", "organisation", "system"] })
      .notNull()
      .default("equipment"),
    boardKind: smallint().notNull().default(5),
    description: text().notNull().default(""),
    noAuthorizationNeeded: boolean().notNull().default(false),
    validityMonths: integer(),
    expiresWithoutUseMonths: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("equipment_types_board_kind", sql`${t.boardKind} between 1 and 5`)],
);
export type EquipmentType = typeof equipmentTypes.$inferSelect;

export const machines = pgTable(
  "machines",
  {
    id: serial().primaryKey(),
    equipmentTypeId: integer()
      .notNull()
      .references(() => equipmentTypes.id),
    name: text().notNull(),
    boardId: integer().unique(),
    location: text().notNull().default(""),
    make: text().notNull().default(""),
    model: text().notNull().default(""),
    serialNumber: text().notNull().default(""),
    blocked: boolean().notNull().default(false),
    blockedReason: text().notNull().default(""),
    autoLogoffMinutes: integer().notNull().default(0),
    graceMinutes: integer().notNull().default(2),
    boardUsername: text().unique(),
    boardPasswordHash: text(),
    /** File name under DATA_DIR/uploads/machines, shown on the machine's page. */
    photoPath: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.equipmentTypeId),
    check("machines_board_id_range", sql`${t.boardId} between 0 and 999999`),
    check("machines_minutes", sql`${t.autoLogoffMinutes} >= 0 and ${t.graceMinutes} >= 0`),
  ],
);
export type Machine = typeof machines.$inferSelect;

/** Every grant is kept forever; the current state is derived from the rows that are not revoked or expired. */
export const equipmentAuthorizations = pgTable(
  "equipment_authorizations",
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    equipmentTypeId: integer()
      .notNull()
      .references(() => equipmentTypes.id),
    level: text({ enum: ["user", "owner", "trainer"] }).notNull(),
    source: text({ enum: ["training", "grant"] }).notNull(),
    reason: text().notNull().default(""),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    grantedById: integer().references(() => people.id),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: integer().references(() => people.id),
    revokedReason: text(),
    /** The session whose passed attendance earned this (source "training"). */
    trainingSessionId: integer().references(() => trainingSessions.id),
    /** When the "expires soon" reminder went out, so it goes out once. */
    remindedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.personId, t.equipmentTypeId)],
);
export type EquipmentAuthorization = typeof equipmentAuthorizations.$inferSelect;
