import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Each broker instance reports here every few seconds; the web app reads it for /api/health. */
export const brokerHeartbeats = pgTable("broker_heartbeats", {
  instanceId: text().primaryKey(),
  startedAt: timestamp({ withTimezone: true }).notNull(),
  lastSeenAt: timestamp({ withTimezone: true }).notNull(),
  mqttPort: integer(),
  connectedClients: integer().notNull().default(0),
  metrics: jsonb().$type<Record<string, number>>().notNull().default({}),
});
