import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people";

/**
 * Mails a person turned off, by topic (lib/domain/mail/topics.ts). A row means "off": everyone gets every mail
 * until they choose otherwise, and essential mails (their application, their status) have no topic to turn off.
 */
export const mailOptOuts = pgTable(
  "mail_opt_outs",
  {
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    topic: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.topic] })],
);
