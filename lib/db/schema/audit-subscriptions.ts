import { integer, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { people } from "./people";

/**
 * An admin's wish to be mailed about a change type ("person.update", or "person.*" for a whole area).
 * lastNotifiedId is the newest audit entry already mailed, so each entry is mailed once.
 */
export const auditSubscriptions = pgTable(
  "audit_subscriptions",
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    changeType: text().notNull(),
    lastNotifiedId: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.personId, t.changeType)],
);
export type AuditSubscription = typeof auditSubscriptions.$inferSelect;
