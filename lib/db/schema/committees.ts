import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, serial, text, unique } from "drizzle-orm/pg-core";
import { roles } from "./access";
import { people } from "./people";

export const committees = pgTable("committees", {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  description: text().notNull().default(""),
});
export type Committee = typeof committees.$inferSelect;

/** The functions a committee allows (chair, treasurer …). */
export const committeeFunctions = pgTable(
  "committee_functions",
  {
    id: serial().primaryKey(),
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: "cascade" }),
    name: text().notNull(),
  },
  (t) => [unique().on(t.committeeId, t.name)],
);
export type CommitteeFunction = typeof committeeFunctions.$inferSelect;

/** Who holds a function since when (and until when); rows are kept as history. */
export const functionHolders = pgTable(
  "function_holders",
  {
    id: serial().primaryKey(),
    functionId: integer()
      .notNull()
      .references(() => committeeFunctions.id, { onDelete: "cascade" }),
    personId: integer()
      .notNull()
      .references(() => people.id),
    since: date({ mode: "string" }).notNull(),
    until: date({ mode: "string" }),
  },
  (t) => [check("function_holders_range", sql`${t.until} is null or ${t.until} >= ${t.since}`), index().on(t.personId), index().on(t.functionId)],
);
export type FunctionHolder = typeof functionHolders.$inferSelect;

/** Dynamic rights: whoever currently holds the function gets these roles. */
export const functionRoles = pgTable(
  "function_roles",
  {
    functionId: integer()
      .notNull()
      .references(() => committeeFunctions.id, { onDelete: "cascade" }),
    roleId: integer()
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.roleId] })],
);
