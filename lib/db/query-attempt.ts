import { AsyncLocalStorage } from "node:async_hooks";
import type postgres from "postgres";

/**
 * Database work that its caller may give up on (device-broker/database-health.ts `bounded`): the queries it sends
 * through a client made by createDb are kept, so that giving up cancels the one the database runs (postgres.js
 * `query.cancel()`, a CancelRequest: PostgreSQL and the embedded wire server answer it 57014) instead of letting
 * it run on after newer work, and refuses every query the work would send after it. A transaction given up on
 * therefore rolls back — by the cancelled statement's error, the next statement's refusal, or at the latest
 * instead of its COMMIT — unless its COMMIT was already on its way.
 *
 * Only a statement that was sent and runs is cancelled. postgres.js cancels one it has not sent yet by rejecting
 * it, and inside a transaction that stalls the transaction for good: the connection then waits for an answer to a
 * statement it never sends, and the ROLLBACK queues behind it (src/index.js `cancel`, src/connection.js `execute`;
 * the same for a connection's first query while it connects). A statement not sent yet when the work is given up
 * is cancelled the moment it is sent.
 */
export class QueryAttempt {
  private queries: Tracked[] = [];
  private givenUp = false;
  private ended = false;

  /** Runs the work as this attempt: the queries it sends (and their continuations') are this attempt's. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const running = attempts.run(this, work);
    const end = () => this.end();
    running.then(end, end);
    return running;
  }

  /**
   * Cancels the attempt's statements the database runs now, and each one not sent yet the moment it is sent;
   * refuses its next ones. How many it cancelled now.
   */
  giveUp(): number {
    if (this.ended || this.givenUp) return 0;
    this.givenUp = true;
    let cancelled = 0;
    for (const query of this.queries) {
      if (query.active) {
        cancelled++;
        cancel(query);
      } else if (!query.settled) {
        cancelWhenSent(query);
      }
    }
    return cancelled;
  }

  /** @internal A query of this attempt is about to be sent (the client's `unsafe`, see trackAttempts). */
  check(): void {
    if (this.givenUp && !this.ended) throw givenUpError();
  }

  /** @internal */
  issued(query: postgres.PendingQuery<postgres.Row[]>): void {
    if (this.ended) return;
    const tracked = query as unknown as Tracked;
    this.queries.push(tracked);
    // Settled ones are skipped by giveUp (postgres.js's resolve and reject are the query's own properties).
    for (const name of ["resolve", "reject"] as const) {
      const settle = tracked[name];
      tracked[name] = (value) => {
        tracked.settled = true;
        settle(value);
      };
    }
  }

  private end(): void {
    this.ended = true;
    this.queries = [];
  }
}

const attempts = new AsyncLocalStorage<QueryAttempt>();

/** A postgres.js Query as src/query.js has it: active from the moment it is sent until it is answered. */
type Tracked = postgres.PendingQuery<postgres.Row[]> & { active: boolean; settled?: boolean; resolve(value: unknown): void; reject(error: unknown): void };

/** Resolves when the database closes the cancel connection; a database away makes it fail, which changes nothing. */
function cancel(query: Tracked): void {
  void Promise.resolve(query.cancel()).catch(() => {});
}

/**
 * A statement not sent yet (waiting for a connection of the pool, or for its connection to connect) is cancelled
 * once postgres.js sends it — it marks it active just before writing it (src/connection.js execute) — and not
 * before, which would stall a transaction (see QueryAttempt).
 */
function cancelWhenSent(query: Tracked): void {
  let active = query.active;
  void Object.defineProperty(query, "active", {
    configurable: true,
    enumerable: true,
    get: () => active,
    set: (value: boolean) => {
      active = value;
      if (value && !query.settled) setImmediate(() => query.active && cancel(query));
    },
  });
}

/** Classed as PostgreSQL's query_canceled, which it stands for: the caller sees one error for either way. */
function givenUpError(): Error {
  return Object.assign(new Error("canceling statement due to user request (its work was given up on)"), { code: "57014" });
}

type Unsafe = (...args: unknown[]) => postgres.PendingQuery<postgres.Row[]>;
type Scoped = (...args: unknown[]) => Promise<unknown>;

/**
 * Makes a postgres.js client (createDb's) keep the queries of a QueryAttempt: its `unsafe` (every query drizzle
 * sends, and postgres.js's own BEGIN) and, in each transaction and savepoint it opens, theirs too. Outside an
 * attempt nothing changes.
 */
export function trackAttempts(sql: postgres.Sql | postgres.TransactionSql): void {
  const target = sql as unknown as { unsafe: Unsafe; begin?: Scoped; savepoint?: Scoped };
  const unsafe = target.unsafe;
  target.unsafe = (...args) => {
    const attempt = attempts.getStore();
    attempt?.check();
    const query = unsafe(...args);
    attempt?.issued(query);
    return query;
  };
  for (const name of ["begin", "savepoint"] as const) {
    const open = target[name];
    if (!open) continue;
    target[name] = (...args) => {
      const work = args.at(-1);
      if (typeof work !== "function") return open(...args);
      return open(...args.slice(0, -1), async (tx: postgres.TransactionSql) => {
        trackAttempts(tx);
        const x: unknown = work(tx);
        const result: unknown = await (Array.isArray(x) ? Promise.all(x) : x);
        // Given up on while its last statement ran: roll back rather than commit late.
        attempts.getStore()?.check();
        return result;
      });
    };
  }
}
