import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people";

/**
 * An invitation to set a password: how a person without a login (imported, created by an admin, made from an
 * unknown card) gets one. The mailed link works once and expires; only the SHA-256 of its token is stored. A new
 * invitation for the same person revokes the earlier ones, so only the newest link works.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** Where the link was mailed; it becomes the login email when the invitation is accepted. */
    email: text().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    /** null: sent by the system (forgot-password for a person without a login, a fresh link for an expired one). */
    invitedById: integer().references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.personId, t.createdAt)],
);
export type Invitation = typeof invitations.$inferSelect;
