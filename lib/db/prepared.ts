import { is, type SQL } from "drizzle-orm";
import { PgDialect, PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "./client";

/*
 * Round trips on the hot write paths (issue 21: the broker's spool drained at 1–2 events/s on a busy box, the
 * embedded database's one session held through every client round trip of a transaction). Unnamed, postgres.js
 * asks the server for a statement's parameter types before every execution: two round trips. Named (prepared once
 * per connection), one. Prepared statements issued together without awaiting each other (Promise.all) are sent in
 * one write and share one round trip; the server still runs them one after another, in the order their `execute()`
 * was called, each with its own snapshot (postgres.js pipelines on the connection; unprepared ones wait their turn).
 */

// As createDb's drizzle: column names in sql`` templates are snake_case.
const dialect = new PgDialect({ casing: "snake_case" });

/**
 * `db.execute(query)` as a prepared statement (one round trip once the connection has prepared it). postgres.js
 * prepares per connection under its own name, keyed by the statement's text: `name` is a label for readers and tools
 * (drizzle passes it on as "prepare: yes"), so two texts under one name never collide.
 */
export async function executePrepared<T extends Record<string, unknown>>(db: Db, name: string, query: SQL): Promise<T[]> {
  const prepared = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  return (await prepared.execute()) as T[];
}

/**
 * Runs `work` in the caller's transaction when `db` is one, else in a new one: a transaction nested in another is a
 * savepoint, two more round trips for nothing when the outer one rolls back on any error anyway.
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return is(db, PgTransaction) ? work(db) : db.transaction(work);
}

/**
 * Statements built once per database handle (drizzle `.prepare(name)` with `sql.placeholder`s), so a page asked on
 * every request neither builds its queries again nor waits for postgres.js to describe them: `perDb(build)(db)`.
 */
export function perDb<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let statements = built.get(db);
    if (statements === undefined) built.set(db, (statements = build(db)));
    return statements;
  };
}
