import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { people, profiles } from "./people";

/**
 * The fields of study people choose from, kept by the admins (add, rename, merge, retire). A retired field stays
 * with those who have it but is no longer offered. Names are unique in any case.
 */
export const studyFields = pgTable(
  "study_fields",
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    retiredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("study_fields_name_lower_idx").on(sql`lower(${t.name})`)],
);
export type StudyField = typeof studyFields.$inferSelect;

/** A person's fields of study with their years; personal data, deleted on erasure. */
export const profileStudies = pgTable(
  "profile_studies",
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    fieldId: integer()
      .notNull()
      .references(() => studyFields.id, { onDelete: "restrict" }),
    startYear: integer(),
    endYear: integer(),
  },
  (t) => [
    check("profile_studies_years", sql`${t.endYear} is null or ${t.startYear} is null or ${t.endYear} >= ${t.startYear}`),
    index().on(t.personId),
    index().on(t.fieldId),
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
