import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people";

/**
 * A service identity for the REST API (a door display, a bot, a dashboard): created by an admin, it holds the
 * permissions the admin chose for it. Its sponsor is the admin answerable for it: a service never holds more than
 * its sponsor currently does, so its tokens stop working when the sponsor loses those rights or leaves.
 */
export const apiServices = pgTable("api_services", {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  description: text().notNull().default(""),
  /** Permission keys (lib/domain/access/permissions.ts). */
  permissions: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  sponsorId: integer()
    .notNull()
    .references(() => people.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp({ withTimezone: true }),
});
export type ApiService = typeof apiServices.$inferSelect;

/**
 * A personal access token (owned by a person) or a service token (owned by a service identity). The secret is
 * shown once; only its SHA-256 is kept. The rate-limit window is counted on the row itself, so every web instance
 * shares it without another store.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial().primaryKey(),
    personId: integer().references(() => people.id, { onDelete: "cascade" }),
    serviceId: integer().references(() => apiServices.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** Scope keys (lib/domain/api-tokens/scopes.ts). */
    scopes: text().array().notNull(),
    tokenHash: text().notNull().unique(),
    /** The first characters of the token, so a person can tell their tokens apart without the secret. */
    tokenPrefix: text().notNull(),
    createdById: integer().references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    lastUsedIp: text(),
    revokedAt: timestamp({ withTimezone: true }),
    rateWindowStart: timestamp({ withTimezone: true }),
    rateCount: integer().notNull().default(0),
  },
  (t) => [check("api_tokens_owner", sql`(${t.personId} is null) <> (${t.serviceId} is null)`), index().on(t.personId), index().on(t.serviceId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;
