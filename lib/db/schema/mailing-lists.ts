import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { roles } from "./access";
import { committees } from "./committees";
import { membershipStatuses, people } from "./people";

/** A list of the space (announce@, members@, board@ …): who is on it is computed from its rules and opt-ins. */
export const mailingLists = pgTable(
  "mailing_lists",
  {
    id: serial().primaryKey(),
    name: text().notNull().unique(),
    /** The posting address; in Mailman 3 the list id is this address with "@" read as "." (announce.example.org). */
    address: text().notNull(),
    description: text().notNull().default(""),
    /** Members may put themselves on the list (and take themselves off) on their profile page. */
    optIn: boolean().notNull().default(false),
    /** Kept in step with the Mailman 3 server (MAILMAN_REST_URL) by the scheduled job and on demand. */
    mailmanSync: boolean().notNull().default(false),
    lastSyncAt: timestamp({ withTimezone: true }),
    /** What the last sync did or why it failed, for the admin page. */
    lastSyncResult: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mailing_lists_address_lower_idx").on(sql`lower(${t.address})`)],
);
export type MailingList = typeof mailingLists.$inferSelect;

/** Who is on a list by rule: everyone holding a status, in a committee (a current function), or with a role. */
export const mailingListRules = pgTable(
  "mailing_list_rules",
  {
    id: serial().primaryKey(),
    listId: integer()
      .notNull()
      .references(() => mailingLists.id, { onDelete: "cascade" }),
    statusId: integer().references(() => membershipStatuses.id, { onDelete: "cascade" }),
    committeeId: integer().references(() => committees.id, { onDelete: "cascade" }),
    roleId: integer().references(() => roles.id, { onDelete: "cascade" }),
  },
  (t) => [check("mailing_list_rules_one_target", sql`num_nonnulls(${t.statusId}, ${t.committeeId}, ${t.roleId}) = 1`), index().on(t.listId)],
);

/** A member who put themselves on an opt-in list. */
export const mailingListOptIns = pgTable(
  "mailing_list_opt_ins",
  {
    listId: integer()
      .notNull()
      .references(() => mailingLists.id, { onDelete: "cascade" }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.personId] }), index().on(t.personId)],
);
