import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { settingsVersionRead } from "@/lib/domain/settings/settings-version";
import { createDb, type Db } from "../client";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface CountingDb {
  db: Db;
  /** The statements sent since the last `reset` (or since opening), in order. */
  queries: string[];
  /** Each statement's parameters, beside `queries`. */
  parameters: unknown[][];
  reset(): void;
  close(): Promise<void>;
}

export interface CountingOptions {
  /**
   * Record the settings' version check (settings-version.ts) too. Off by default: it goes out when the version noted
   * by an earlier statement is older than CHECK_MS (1 s), so whether a call sends it depends on how long the test
   * took since the previous one (a loaded CI machine adds one). Only a test of that check counts it.
   */
  versionReads?: boolean;
}

/** The text of the settings' version check as the driver sends it. */
const versionReadText = new PgDialect({ casing: "snake_case" }).sqlToQuery(settingsVersionRead).sql;

/**
 * A second handle on a test database that records every statement it sends: a test asserts how many queries a
 * page's loader makes (and that the count does not grow with the rows), never how long they took.
 */
export function countingDb(url: string, options: CountingOptions = {}): CountingDb {
  const queries: string[] = [];
  const parameters: unknown[][] = [];
  const handle = createDb(url, {
    max: 2,
    onQuery: (query, values) => {
      if (!options.versionReads && query === versionReadText) return;
      queries.push(query);
      parameters.push(values);
    },
  });
  return {
    db: handle.db,
    queries,
    parameters,
    reset: () => {
      queries.splice(0);
      parameters.splice(0);
    },
    close: handle.close,
  };
}

/**
 * A fresh test database and a counting handle on it whose connection is open: the driver reads the array types once
 * per connection, statements that are not the ones a test counts. Close the handle, then the database.
 */
export async function countedTestDatabase(): Promise<{ database: TestDatabase; counting: CountingDb }> {
  const database = await createTestDatabase();
  const counting = countingDb(database.url);
  await counting.db.execute(sql`select 1`);
  return { database, counting };
}
