import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people";

/**
 * Every change to data: who made it (null = the system or a board), whose record it touched, what kind of
 * change, on which entity, and the values before and after. Rows are never updated.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial().primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer().references(() => people.id),
    subjectPersonId: integer().references(() => people.id),
    changeType: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: jsonb().$type<Record<string, unknown> | null>(),
    after: jsonb().$type<Record<string, unknown> | null>(),
  },
  (t) => [index().on(t.subjectPersonId, t.at), index().on(t.actorId, t.at), index().on(t.changeType, t.at), index().on(t.at)],
);
export type AuditEntry = typeof auditLog.$inferSelect;
