import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { machines } from "./equipment";
import { people } from "./people";

/**
 * Which board a machine without credentials trusts (issue 13: the Wi-Fi is not a trust boundary). A board is
 * known by what it says in `alive` — its serial, or for old firmware its IP (`identity_key`) — together with the
 * address its connection comes from (`remote_address`); the random client id it picks at boot plays no part, so
 * a reboot keeps the pairing. While the pairing window is open, the first board heard is paired automatically.
 * One row per machine; no paired board while `identity_key` is null.
 */
export const boardPairings = pgTable(
  "board_pairings",
  {
    machineId: integer()
      .primaryKey()
      .references(() => machines.id, { onDelete: "cascade" }),
    /** "serial:<serial>" or, for firmware that sends none, "ip:<ip>". */
    identityKey: text(),
    serial: text(),
    ip: text(),
    remoteAddress: text(),
    pairedAt: timestamp({ withTimezone: true }),
    /** null: paired automatically in the pairing window. */
    pairedById: integer().references(() => people.id),
    /** The window is open while this is set and `window_until` is null (until the first board) or later than now. */
    windowOpenedAt: timestamp({ withTimezone: true }),
    windowUntil: timestamp({ withTimezone: true }),
  },
  (t) => [check("board_pairings_identity", sql`(${t.identityKey} is null) = (${t.remoteAddress} is null)`)],
);
export type BoardPairing = typeof boardPairings.$inferSelect;

/** "A new board wants machine 3": an unpaired board that reported on a machine's topic, for an admin to pair or refuse. */
export const boardPairingRequests = pgTable(
  "board_pairing_requests",
  {
    id: serial().primaryKey(),
    machineId: integer()
      .notNull()
      .references(() => machines.id, { onDelete: "cascade" }),
    identityKey: text().notNull(),
    serial: text(),
    ip: text(),
    remoteAddress: text().notNull(),
    clientId: text(),
    firmwareVersion: text(),
    status: text({ enum: ["pending", "refused"] })
      .notNull()
      .default("pending"),
    firstSeenAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedById: integer().references(() => people.id),
  },
  (t) => [uniqueIndex("board_pairing_requests_identity_idx").on(t.machineId, t.identityKey, t.remoteAddress), index().on(t.machineId, t.lastSeenAt)],
);
export type BoardPairingRequest = typeof boardPairingRequests.$inferSelect;
