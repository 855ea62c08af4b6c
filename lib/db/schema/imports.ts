import { customType, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people";

/**
 * What an import created from which record of its source ("fabomatic", kind "user", source id "42" → person 7),
 * with the source values it last applied. A later import of the same or a newer file compares against `data`:
 * a record whose source did not change is left alone (local edits survive), a changed field is applied.
 */
export const importLinks = pgTable(
  "import_links",
  {
    source: text().notNull(),
    kind: text().notNull(),
    sourceId: text().notNull(),
    /** The row this source record became; null when it was skipped or only partly imported. */
    targetId: integer(),
    data: jsonb().$type<unknown>().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.sourceId] }), index().on(t.source, t.kind, t.targetId)],
);
export type ImportLink = typeof importLinks.$inferSelect;

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * An uploaded file waiting between its dry run and its apply (the web form), in the database so that any web
 * instance can apply what another one received. Deleted once applied, or after a day.
 */
export const importUploads = pgTable(
  "import_uploads",
  {
    id: serial().primaryKey(),
    source: text().notNull(),
    fileName: text().notNull(),
    sha256: text().notNull(),
    bytes: bytea().notNull(),
    uploadedById: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.uploadedAt)],
);
export type ImportUpload = typeof importUploads.$inferSelect;
