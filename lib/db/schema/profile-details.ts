import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people, profiles } from "./people";

/** Fields of study with their years; personal data, deleted on erasure. */
export const profileStudies = pgTable(
  "profile_studies",
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    field: text().notNull(),
    startYear: integer(),
    endYear: integer(),
  },
  (t) => [
    check("profile_studies_years", sql`${t.endYear} is null or ${t.startYear} is null or ${t.endYear} >= ${t.startYear}`),
    index().on(t.personId),
  ],
);
export type ProfileStudy = typeof profileStudies.$inferSelect;

/**
 * Readable addresses of public profile pages (/people/<slug>), made from the name. The newest row is the current
 * one; older ones (from before a rename) redirect to it. Made from the name, so they go with the profile on erasure.
 */
export const personSlugs = pgTable(
  "person_slugs",
  {
    slug: text().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => profiles.personId, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.personId, t.createdAt)],
);

/**
 * Public sign-up: the applicant confirms their email with a link; only the SHA-256 of the token is kept.
 * With `loginEmail` set, the row is a login request for a person already here without a login (imported, created
 * by an admin): the login (that address, the password typed at sign-up) is made only when an admin approves it.
 */
export const applicantConfirmations = pgTable("applicant_confirmations", {
  id: serial().primaryKey(),
  personId: integer()
    .notNull()
    .references(() => people.id, { onDelete: "cascade" }),
  tokenHash: text().notNull().unique(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  loginEmail: text(),
  loginPasswordHash: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
