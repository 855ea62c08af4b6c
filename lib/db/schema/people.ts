import { sql, type SQL } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgSequence, pgTable, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";

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
  (t) => [
    index().on(t.statusId),
    // The people list by joined date: a search's page walks it (people-list-paging.ts sortedSearchPage).
    index("people_joined_idx").on(t.joinedOn, t.id),
  ],
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
    /** File name under DATA_DIR/photos; the file goes with the profile on erasure. */
    photoPath: text(),
    /** The partner (family/partner rate); both profiles point at each other. */
    partnerPersonId: integer().references((): AnyPgColumn => people.id, { onDelete: "set null" }),
    /** Admin-granted: the partner may edit this person's shared data (addresses, contact). */
    partnerMayEdit: boolean().notNull().default(false),
    /** Per field: "public" | "members" | "board". Missing fields use the defaults in lib/domain/people/visibility.ts. */
    visibility: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** "Only the board sees my data": caps every field at board level. */
    boardOnly: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Name and email as one lowercase text for the people search: one cheap LIKE per row instead of ILIKEs that
     * lowercase every name again, and what the trigram index holds. \u0001 (which no search text contains) keeps a
     * match from spanning name and email.
     */
    searchText: text().generatedAlwaysAs(
      (): SQL => sql`lower(coalesce(${profiles.firstName}, '') || ' ' || coalesce(${profiles.lastName}, '') || chr(1) || coalesce(${profiles.email}, ''))`,
    ),
  },
  (t) => [
    uniqueIndex("profiles_email_lower_idx").on(sql`lower(${t.email})`),
    index().on(t.partnerPersonId),
    index("profiles_name_idx").on(t.lastName, t.firstName, t.personId),
    // The people a visitor may see by name (lib/domain/people/visibility-sql.ts: a name set public, not "only the
    // board"), in the directory's order: the visitor's people list reads its page from here instead of every profile.
    // It names stored values, not the rule: were the rule to change, the planner would merely stop using it.
    index("profiles_public_name_idx")
      .on(t.lastName, t.firstName, t.personId)
      .where(sql`not ${t.boardOnly} and (${t.visibility} ->> 'name') = 'public'`),
    // The people search (lib/domain/people/person-match.ts): trigrams (pg_trgm, migration 0018) of searchText.
    // fastupdate off: new entries go into the index at once instead of a pending list that every search reads
    // through until a vacuum empties it (the embedded database has no autovacuum, and a manual ANALYZE never does):
    // at 10,000 people the full 4 MB list made each search a 20–40 ms scan and the planner preferred a seq scan.
    index("profiles_search_text_trgm_idx")
      .using("gin", sql`${t.searchText} gin_trgm_ops`)
      .with({ fastupdate: false }),
  ],
);
export type Profile = typeof profiles.$inferSelect;
