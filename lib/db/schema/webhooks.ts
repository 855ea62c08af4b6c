import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { deliveryStateColumns } from "./delivery-columns";
import { people } from "./people";

/**
 * A URL an admin subscribed to some event types. The secret signs every delivery (HMAC-SHA256); it must be kept
 * readable to sign, so it is shown once and can be rotated. The lease is the claim of one delivery worker on this
 * hook's queue, so several instances never send its deliveries twice or out of order.
 */
export const webhooks = pgTable("webhooks", {
  id: serial().primaryKey(),
  url: text().notNull(),
  description: text().notNull().default(""),
  /** Event type keys (lib/domain/webhooks/event-types.ts). */
  events: text().array().notNull(),
  secret: text().notNull(),
  active: boolean().notNull().default(true),
  createdById: integer().references(() => people.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  leaseUntil: timestamp({ withTimezone: true }),
  leaseOwner: text(),
});
export type Webhook = typeof webhooks.$inferSelect;

/** The outbox: what happened, written in the same transaction as the change. Only when some hook subscribed. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    type: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.occurredAt)],
);
export type WebhookEvent = typeof webhookEvents.$inferSelect;

/** One event to one hook: pending until a 2xx answer, retried with backoff, failed after the last attempt. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    webhookId: integer()
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    eventId: bigint({ mode: "number" })
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    ...deliveryStateColumns(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    /** HTTP status of the last answer; null when none came (refused, timed out). */
    lastStatus: integer(),
  },
  (t) => [
    // The head of each hook's queue: the worker's "anything due?" looks only there.
    index("webhook_deliveries_pending_idx")
      .on(t.webhookId, t.id)
      .where(sql`${t.status} = 'pending'`),
    index().on(t.webhookId, t.createdAt),
    check("webhook_deliveries_attempts", sql`${t.attempts} >= 0`),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
