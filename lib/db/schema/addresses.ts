import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { people } from "./people";

/** Home, work, study …: defined by admins. */
export const addressTypes = pgTable("address_types", {
  id: serial().primaryKey(),
  key: text().notNull().unique(),
  name: text().notNull(),
  sortOrder: integer().notNull().default(0),
});
export type AddressType = typeof addressTypes.$inferSelect;

/** One postal address. Partners share a row through address_holders, so a move is one edit for both. */
export const addresses = pgTable("addresses", {
  id: serial().primaryKey(),
  street: text().notNull(),
  extra: text().notNull().default(""),
  postalCode: text().notNull().default(""),
  city: text().notNull(),
  country: text().notNull().default(""),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type Address = typeof addresses.$inferSelect;

/**
 * Who lives at an address, as which type, and whether it is their main (postal) address. At most one main per
 * person (partial unique index); "at least one while they have any" is a deferred trigger (drizzle/sql/people.ts).
 */
export const addressHolders = pgTable(
  "address_holders",
  {
    addressId: integer()
      .notNull()
      .references(() => addresses.id, { onDelete: "cascade" }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    typeId: integer()
      .notNull()
      .references(() => addressTypes.id),
    isMain: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.addressId, t.personId] }),
    uniqueIndex("address_holders_one_main_idx")
      .on(t.personId)
      .where(sql`${t.isMain}`),
    index().on(t.personId),
  ],
);
export type AddressHolder = typeof addressHolders.$inferSelect;
