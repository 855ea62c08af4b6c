import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Each broker instance reports here every few seconds; the web app reads it for /api/health. */
export const brokerHeartbeats = pgTable("broker_heartbeats", {
  instanceId: text().primaryKey(),
  startedAt: timestamp({ withTimezone: true }).notNull(),
  lastSeenAt: timestamp({ withTimezone: true }).notNull(),
  mqttPort: integer(),
  connectedClients: integer().notNull().default(0),
  metrics: jsonb().$type<Record<string, number>>().notNull().default({}),
});

/**
 * One row per board event applied (its spool id): applying it again — a timed-out write that committed late, a
 * spool drained twice — finds its receipt and changes nothing. Purged after a few days (see purgeEventReceipts).
 */
export const boardEventReceipts = pgTable(
  "board_event_receipts",
  {
    eventId: uuid().primaryKey(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.receivedAt)],
);
