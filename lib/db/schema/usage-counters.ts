import { index, integer, numeric, pgTable, timestamp } from "drizzle-orm/pg-core";
import { machines } from "./equipment";
import { maintenancePlans } from "./machine-floor";

/*
 * Running totals of closed usage sessions, so machine hours and "hours since the last intervention" never sum
 * millions of sessions on a page view. Derived data: kept by database triggers on usage_sessions, maintenance_plans
 * and interventions (drizzle/sql/usage-counters.ts), in the same transaction as the change, whichever code path
 * writes (broker, spool drain, corrections, direct inserts). A restore rebuilds them from the sessions.
 * Not on a table the broker's snapshot watches: a session closing must not reload the snapshot.
 */

/** Per machine: seconds and number of its closed sessions. The open session (at most one) is added when read. */
export const machineUsageCounters = pgTable("machine_usage_counters", {
  machineId: integer()
    .primaryKey()
    .references(() => machines.id, { onDelete: "cascade" }),
  closedSeconds: numeric({ mode: "number" }).notNull().default(0),
  closedSessions: integer().notNull().default(0),
});

/** Per maintenance plan: seconds of closed sessions after `counted_from` (its last intervention, or its creation). */
export const planUsageCounters = pgTable(
  "plan_usage_counters",
  {
    planId: integer()
      .primaryKey()
      .references(() => maintenancePlans.id, { onDelete: "cascade" }),
    machineId: integer()
      .notNull()
      .references(() => machines.id, { onDelete: "cascade" }),
    countedFrom: timestamp({ withTimezone: true }).notNull(),
    closedSeconds: numeric({ mode: "number" }).notNull().default(0),
  },
  (t) => [index().on(t.machineId)],
);
