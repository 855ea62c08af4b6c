import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people";

/** The plan a member pays for (regular, student, partner rate, honorary …); admins edit these rows. */
export const membershipTypes = pgTable(
  "membership_types",
  {
    id: serial().primaryKey(),
    key: text().notNull().unique(),
    name: text().notNull(),
    /** In cents of the space's currency; 0 for honorary members. */
    feeCents: integer().notNull().default(0),
    billingPeriod: text({ enum: ["monthly", "quarterly", "yearly", "once", "none"] })
      .notNull()
      .default("yearly"),
    /** A rate for partners/families: both partners hold a membership of this type. */
    partnerRate: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [check("membership_types_fee", sql`${t.feeCents} >= 0`)],
);
export type MembershipType = typeof membershipTypes.$inferSelect;

/** One period of a person holding a membership type. History is kept: a change of plan is a new row. */
export const memberships = pgTable(
  "memberships",
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    typeId: integer()
      .notNull()
      .references(() => membershipTypes.id),
    validFrom: date({ mode: "string" }).notNull(),
    validUntil: date({ mode: "string" }),
    /** Cancelled to the end of the association year; the end-of-year action moves the person to "former". */
    endsAtYearEnd: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("memberships_range", sql`${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}`),
    index().on(t.personId, t.validFrom),
    index().on(t.typeId),
  ],
);
export type Membership = typeof memberships.$inferSelect;
