import { sql } from "drizzle-orm";
import { boolean, index, integer, pgSequence, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** What a membership status allows is data, not code: admins edit these rows. */
export const membershipStatuses = pgTable("membership_statuses", {
  id: serial().primaryKey(),
  key: text().notNull().unique(),
  name: text().notNull(),
  mayLogIn: boolean().notNull().default(true),
  mayUseMachines: boolean().notNull().default(false),
  inDirectory: boolean().notNull().default(false),
  mayVote: boolean().notNull().default(false),
  sortOrder: integer().notNull().default(0),
});
export type MembershipStatus = typeof membershipStatuses.$inferSelect;

/** Member numbers come from a sequence so a number is never handed out twice, even after deletion. */
export const memberNumberSeq = pgSequence("member_number_seq", { startWith: 1001 });

/** The operational record. No names or contact data here, so it survives a GDPR erasure. */
export const people = pgTable(
  "people",
  {
    id: serial().primaryKey(),
    memberNumber: integer().unique(),
    statusId: integer()
      .notNull()
      .references(() => membershipStatuses.id),
    joinedOn: timestamp({ withTimezone: true }),
    leftOn: timestamp({ withTimezone: true }),
    erasedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.statusId)],
);
export type Person = typeof people.$inferSelect;

/** Personal data of a person; blanked or deleted on erasure. */
export const profiles = pgTable(
  "profiles",
  {
    personId: integer()
      .primaryKey()
      .references(() => people.id, { onDelete: "cascade" }),
    firstName: text().notNull(),
    lastName: text().notNull().default(""),
    email: text(),
    phone: text(),
    preferredLanguage: text().notNull().default("en"),
    company: text(),
    jobTitle: text(),
    interests: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("profiles_email_lower_idx").on(sql`lower(${t.email})`)],
);
export type Profile = typeof profiles.$inferSelect;
