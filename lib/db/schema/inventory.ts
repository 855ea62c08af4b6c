import { sql } from "drizzle-orm";
import { type AnyPgColumn, date, index, integer, numeric, pgSequence, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { people } from "./people";

/** Where things are: a tree (room → shelf → box). Cycles are refused by the domain and by a trigger (drizzle/sql). */
export const inventoryLocations = pgTable(
  "inventory_locations",
  {
    id: serial().primaryKey(),
    parentId: integer().references((): AnyPgColumn => inventoryLocations.id, { onDelete: "restrict" }),
    name: text().notNull(),
    /** room | shelf | box | other — a hint for people, the tree itself allows any nesting. */
    kind: text().notNull().default("box"),
    description: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.parentId)],
);
export type InventoryLocation = typeof inventoryLocations.$inferSelect;

export const inventoryCategories = pgTable("inventory_categories", {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
});
export type InventoryCategory = typeof inventoryCategories.$inferSelect;

/** Thing numbers come from a sequence: printed on labels, so never reused; a trigger forbids changing them. */
export const thingNumberSeq = pgSequence("thing_number_seq", { startWith: 1 });

export const things = pgTable(
  "things",
  {
    id: serial().primaryKey(),
    number: integer()
      .notNull()
      .unique()
      .default(sql`nextval('thing_number_seq')`),
    name: text().notNull(),
    /** /things/<slug> leads to /things/<number>: made from the name when the thing is created, then kept. */
    slug: text().notNull().unique(),
    description: text().notNull().default(""),
    categoryId: integer().references(() => inventoryCategories.id, { onDelete: "set null" }),
    locationId: integer().references(() => inventoryLocations.id, { onDelete: "restrict" }),
    /** owned | on_loan_from_member (lent to the space by lenderPersonId until lenderUntil) */
    ownership: text().notNull().default("owned"),
    lenderPersonId: integer().references(() => people.id),
    lenderUntil: date({ mode: "string" }),
    value: numeric({ precision: 12, scale: 2 }),
    purchaseDate: date({ mode: "string" }),
    /** Storage key prefix of the photo's resized versions; null without a photo. */
    photoKey: text(),
    notes: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.locationId),
    index().on(t.categoryId),
    index().on(t.lenderPersonId),
    // 'simple': names are German and English alike, so no language's stemming.
    index("things_search_idx").using("gin", sql`to_tsvector('simple', ${t.name} || ' ' || ${t.description})`),
  ],
);
export type Thing = typeof things.$inferSelect;

/** Things lent out to members. At most one open loan per thing, enforced by a partial unique index. */
export const thingLoans = pgTable(
  "thing_loans",
  {
    id: serial().primaryKey(),
    thingId: integer()
      .notNull()
      .references(() => things.id, { onDelete: "cascade" }),
    borrowerPersonId: integer()
      .notNull()
      .references(() => people.id),
    lentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The day the thing is due back: a plain date, so no time zone can move it (overdue from the next day on). */
    dueOn: date({ mode: "string" }).notNull(),
    returnedAt: timestamp({ withTimezone: true }),
    lentById: integer().references(() => people.id),
    returnedById: integer().references(() => people.id),
    lastReminderAt: timestamp({ withTimezone: true }),
    /** When the borrower was told the due day is near (once per loan; the job's claim on this loan). */
    dueSoonMailedAt: timestamp({ withTimezone: true }),
    note: text().notNull().default(""),
  },
  (t) => [
    uniqueIndex("thing_loans_one_open_idx")
      .on(t.thingId)
      .where(sql`${t.returnedAt} is null`),
    index().on(t.borrowerPersonId),
    index().on(t.dueOn),
  ],
);
export type ThingLoan = typeof thingLoans.$inferSelect;
