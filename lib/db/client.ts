import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { trackAttempts } from "./query-attempt";
import * as schema from "./schema";

export type Schema = typeof schema;

/** A database handle or an open transaction: every service takes one of these as its first argument. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DbHandle {
  db: Db;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** Pool size; the embedded database serialises anyway, so small pools are fine. */
  max?: number;
  connectTimeoutSeconds?: number;
  /**
   * The longest wait before a closed connection connects again (default 1 s). The driver's own backoff grows with
   * every failed connect to 10–20 s, so after an outage the first queries waited that long on a database already
   * back; connects are cheap and only made for queued queries, so a short cap costs nothing while it is away.
   */
  maxReconnectDelaySeconds?: number;
  /**
   * The server's statement_timeout for this client's sessions (PostgreSQL; the embedded server has one session and
   * ignores it): a statement that waits longer (a lock, a stalled server) fails instead of holding its connection.
   */
  statementTimeoutMs?: number;
  /** Told every statement sent (tests that count a page's queries: one query instead of one per row). */
  onQuery?: (query: string, parameters: unknown[]) => void;
}

export function createDb(url: string, options: CreateDbOptions = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    backoff: (retries: number) => Math.min(driverBackoff(retries), options.maxReconnectDelaySeconds ?? 1),
    idle_timeout: 30,
    onnotice: () => {},
    // Prepared: the statements a caller names (drizzle's `.prepare(name)`, `executePrepared` in prepared.ts) and
    // postgres.js's own (commit, rollback, savepoints, the array-type fetch); drizzle sends every other query
    // unnamed. Behind PgBouncer in transaction mode this needs PgBouncer >= 1.21 with max_prepared_statements set
    // (docs/operations.md). A named statement costs one round trip instead of two
    // (unnamed, postgres.js describes the parameters first, every time): the broker's hot writes (issue 21).
    // Names are postgres.js's, random per connection, so connections multiplexed onto the embedded server's one
    // session never collide; it closes a client's statements when the client goes (wire-server.ts).
    prepare: true,
    connection: { application_name: "makerspace", ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}) },
    ...(options.onQuery ? { debug: (_connection: number, query: string, parameters: unknown[]) => options.onQuery!(query, parameters) } : {}),
  });
  fetchArrayTypesOnce(client);
  trackAttempts(client);
  const db = drizzle(client, { schema, casing: "snake_case" });
  return {
    db,
    close: () => client.end({ timeout: 5 }),
  };
}

/** postgres.js's default reconnect backoff in seconds (src/index.js), which createDb caps. */
function driverBackoff(retries: number): number {
  return (0.5 + Math.random() / 2) * Math.min(3 ** retries / 100, 20);
}

/**
 * postgres.js asks every new connection for the array types, though the parsers it builds are shared by the whole
 * pool; a connection dropped during that query (a database going away) rejects a promise nobody holds — an
 * unhandled rejection. Asked until one connection got them, then never again.
 */
function fetchArrayTypesOnce(client: postgres.Sql): void {
  const options = client.options as unknown as { fetch_types: boolean; shared: { typeArrayMap: Record<string, number> } };
  if (!options.fetch_types) return;
  Object.defineProperty(options, "fetch_types", { get: () => Object.keys(options.shared.typeArrayMap).length === 0, configurable: true });
}

export { schema };
