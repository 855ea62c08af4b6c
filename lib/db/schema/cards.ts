import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { people } from "./people";

/** An RFID card: 8 lowercase hex digits. Only one active holder per uid; history is kept. */
export const cards = pgTable(
  "cards",
  {
    id: serial().primaryKey(),
    uid: text().notNull(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    state: text({ enum: ["active", "lost", "revoked"] })
      .notNull()
      .default("active"),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    endedReason: text(),
  },
  (t) => [
    check("cards_uid_format", sql`${t.uid} ~ '^[0-9a-f]{8}$'`),
    uniqueIndex("cards_active_uid_idx")
      .on(t.uid)
      .where(sql`${t.state} = 'active'`),
    index().on(t.personId),
    // Lookups by uid over every state (card history, people search, unknown-card checks), not only active cards.
    index().on(t.uid),
  ],
);
export type Card = typeof cards.$inferSelect;
