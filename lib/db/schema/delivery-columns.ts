import { integer, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The state every outbox of deliveries keeps (webhook deliveries, SSO back-channel logout notices): pending until
 * delivered, retried with backoff (`nextAttemptAt`), failed after the last attempt. A builder, not a table: each
 * call makes new columns for the table it is spread into.
 */
export const deliveryStateColumns = () => ({
  status: text({ enum: ["pending", "delivered", "failed"] })
    .notNull()
    .default("pending"),
  attempts: integer().notNull().default(0),
  nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastError: text(),
  deliveredAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
