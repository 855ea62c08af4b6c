import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { membershipStatuses, people } from "./people";

/** A login. Belongs to exactly one person; the email is the login name (stored lowercase). */
export const accounts = pgTable(
  "accounts",
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .unique()
      .references(() => people.id, { onDelete: "cascade" }),
    email: text().notNull(),
    passwordHash: text().notNull(),
    disabled: boolean().notNull().default(false),
    /** In every session cookie; raising it ends all sessions at once (logout, password reset, ban …). */
    sessionVersion: integer().notNull().default(0),
    lastLoginAt: timestamp({ withTimezone: true }),
    /** The login before the last one: "what changed since my last login" starts here. */
    previousLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_email_lower_idx").on(sql`lower(${t.email})`),
    // Finding a person by the email they log in with (lib/domain/people/person-match.ts, those who manage people):
    // trigrams like the profiles' search text, fastupdate off for the same reason (schema/people.ts).
    index("accounts_email_trgm_idx")
      .using("gin", sql`${t.email} gin_trgm_ops`)
      .with({ fastupdate: false }),
  ],
);
export type Account = typeof accounts.$inferSelect;

export const permissions = pgTable("permissions", {
  key: text().primaryKey(),
  description: text().notNull(),
});

export const roles = pgTable("roles", {
  id: serial().primaryKey(),
  key: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
});
export type Role = typeof roles.$inferSelect;

export const rolePermissions = pgTable(
  "role_permissions",
  {
    roleId: integer()
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    permissionKey: text()
      .notNull()
      .references(() => permissions.key, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permissionKey] })],
);

export const personRoles = pgTable(
  "person_roles",
  {
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    roleId: integer()
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Held from this day through `until` (days in the space's zone, both inclusive); ended roles stay as history. */
    since: date({ mode: "string" })
      .notNull()
      .default(sql`current_date`),
    until: date({ mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.roleId] }), check("person_roles_range", sql`${t.until} is null or ${t.until} >= ${t.since}`)],
);

/** Dynamic rights: everyone in a status gets these roles while they hold it. */
export const statusRoles = pgTable(
  "status_roles",
  {
    statusId: integer()
      .notNull()
      .references(() => membershipStatuses.id, { onDelete: "cascade" }),
    roleId: integer()
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.statusId, t.roleId] })],
);

/** Single-use, expiring; only the SHA-256 of the token is stored. */
export const passwordResetTokens = pgTable("password_reset_tokens", {
  id: serial().primaryKey(),
  accountId: integer()
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" }),
  tokenHash: text().notNull().unique(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A login email change the owner asked for: it happens only when the link mailed to the new address is used.
 * Single-use, expiring; only the SHA-256 of the token is stored.
 */
export const emailChangeTokens = pgTable("email_change_tokens", {
  id: serial().primaryKey(),
  accountId: integer()
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" }),
  newEmail: text().notNull(),
  tokenHash: text().notNull().unique(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Failed logins, counted per account and per IP over a sliding window (shared by all web instances). */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: serial().primaryKey(),
    email: text().notNull(),
    ip: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.email, t.at), index().on(t.ip, t.at)],
);

/**
 * Rate-limit counters (lib/domain/auth/rate-limit.ts): one row per kind × subject × source, a fixed window each,
 * taken with one atomic upsert so parallel requests cannot all slip under the limit. `subject` is the SHA-256 of
 * what is limited (an email address) or "", so no address is stored in clear; `source` is the client's network.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    kind: text().notNull(),
    subject: text().notNull(),
    source: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subject, t.source] }), index().on(t.windowStart), index().on(t.subject)],
);
