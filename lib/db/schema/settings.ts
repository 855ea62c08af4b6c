import { sql } from "drizzle-orm";
import { check, doublePrecision, integer, jsonb, pgTable, text, timestamp, boolean } from "drizzle-orm/pg-core";
import { people } from "./people";

/**
 * The space's own settings, edited by admins in the web UI. One row (id = 1); while it does not exist the
 * defaults come from the environment (lib/domain/settings/defaults.ts).
 */
export const spaceSettings = pgTable(
  "space_settings",
  {
    id: integer().primaryKey().default(1),
    name: text().notNull(),
    logoUrl: text(),
    /** An uploaded logo (file storage key of the resized image); served at /logo, preferred over logoUrl. */
    logoKey: text(),
    address: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    timeZone: text().notNull(),
    /** The association year starts on this month/day (e.g. 1/1, or 9/1 for a school-year club). */
    yearStartMonth: integer().notNull().default(1),
    yearStartDay: integer().notNull().default(1),
    contactEmail: text(),
    boardEmail: text(),
    website: text(),
    /** The address people reach the app at (links in mails and feeds); null on rows saved before it existed. */
    publicUrl: text(),
    defaultLanguage: text().notNull(),
    /** The languages the space offers (the switch, profiles, sign-up); the default is one of them. */
    languages: text()
      .array()
      .notNull()
      .default(sql`'{en,de,nl,it}'`),
    /** The space's own wording: per language, message key → the admin's text (ICU, same placeholders as the default). */
    messageOverrides: jsonb().$type<Record<string, Record<string, string>>>().notNull().default({}),
    mailFrom: text().notNull(),
    smtpHost: text(),
    smtpPort: integer(),
    /** true: TLS from the start (port 465); false: STARTTLS when offered (587/25). */
    smtpSecure: boolean().notNull().default(false),
    smtpUser: text(),
    /** Never sent back to a browser in full (see maskSecret). */
    smtpPassword: text(),
    retentionAuditMonths: integer().notNull().default(120),
    retentionLoginAttemptsDays: integer().notNull().default(30),
    /** Usage sessions older than this lose the link to their person (the broker's daily purge). */
    retentionUsageDays: integer().notNull().default(365),
    backupKeepDaily: integer().notNull().default(7),
    backupKeepWeekly: integer().notNull().default(4),
    /** Machines dashboard (/machines): anyone may look (true) or logged-in people only. */
    machinesDashboardPublic: boolean().notNull().default(true),
    /** May members in good standing browse the inventory (inventory managers always can)? */
    inventoryMembersMayView: boolean().notNull().default(true),
    /**
     * REST API: web origins whose pages may call it from the browser (CORS), exact origins only. Null on rows saved
     * before the setting existed: those keep following API_CORS_ORIGINS until the next save.
     */
    apiCorsOrigins: text().array(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => people.id),
  },
  (t) => [check("space_settings_single_row", sql`${t.id} = 1`)],
);
export type SpaceSettingsRow = typeof spaceSettings.$inferSelect;
