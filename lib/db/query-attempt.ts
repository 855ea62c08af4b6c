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
 * A CancelRequest names a connection, not a statement: it stops whatever that connection runs when it arrives
 * (the embedded server drops the connection's first waiting statement). So only what runs on a connection the
 * attempt alone uses is cancelled — its transactions' statements and their BEGIN (postgres.js gives a transaction
 * its connection from the moment BEGIN is handed to it until ROLLBACK or COMMIT is answered, and pipelines
 * nothing else onto it) — at most once per connection, and a transaction given up on keeps its connection,
 * sending its ROLLBACK only once the database has answered the cancel: on its way still, the cancel would
 * otherwise stop the statement of whoever got the connection next (another machine's write, then spooled as if
 * the database were away). For the same reason nothing of a transaction is cancelled once its work has settled:
 * its ROLLBACK or COMMIT follows at once — behind any statement the work sent without awaiting it — and nobody
 * would wait for a cancel sent then (by a late giveUp, or for such a statement when it is sent), so that statement
 * runs to its end. A cancel is waited for at most `cancelAnswerMs` (postgres.js bounds a cancel's connection only
 * by `connect_timeout`, which may be 0): past that the transaction's connection is closed instead of rolled back
 * and handed on — the database rolls back what a closed connection left open, the pool connects a new one when it
 * needs it, and a cancel still on its way names a backend that is gone (no ROLLBACK it could stop either: a failed
 * ROLLBACK would keep the connection out of the pool, postgres.js handing a connection back only when the database
 * says it is outside a transaction). A statement outside a transaction shares its connection: with
 * every connection busy, postgres.js pipelines other callers' statements behind it, so it is not cancelled —
 * given up on, it runs to its end (the broker sends only reads so: the snapshot's poll and load, the recovery
 * probe, each in a lane that starts nothing new before it settled), and the attempt's next statements are refused.
 *
 * A statement not sent yet is cancelled only once it is sent: postgres.js cancels one it has not sent yet by
 * rejecting it, and inside a transaction that stalls the transaction for good: the connection then waits for an
 * answer to a statement it never sends, and the ROLLBACK queues behind it (src/index.js `cancel`, src/connection.js
 * `execute`; the same for a connection's first query while it connects).
 */
export class QueryAttempt {
  private readonly cancelAnswerMs: number;
  private queries: Tracked[] = [];
  private givenUp = false;
  private ended = false;
  /** The connections (postgres.js's backend key of each) this attempt has sent a cancel for: one each. */
  private readonly cancelledOn = new Set<object>();
  /** Cancels sent and not answered yet (the database closes the cancel connection once it has acted). */
  private readonly unanswered = new Set<Promise<void>>();
  /** A cancel was not answered within `cancelAnswerMs`. */
  private unansweredInTime = false;

  constructor(options: { cancelAnswerMs?: number } = {}) {
    this.cancelAnswerMs = options.cancelAnswerMs ?? CANCEL_ANSWER_MS;
  }

  /** Runs the work as this attempt: the queries it sends (and their continuations') are this attempt's. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const running = attempts.run(this, work);
    const end = () => this.end();
    running.then(end, end);
    return running;
  }

  /**
   * Cancels the attempt's statement a connection of its own runs now, and one not sent yet the moment it is sent;
   * refuses its next ones. How many it cancelled now.
   */
  giveUp(): number {
    if (this.ended || this.givenUp) return 0;
    this.givenUp = true;
    let cancelled = 0;
    for (const query of this.queries) {
      if (query.settled || !query.pinned) continue;
      if (query.active) {
        if (this.cancel(query)) cancelled++;
      } else {
        this.cancelWhenSent(query);
      }
    }
    return cancelled;
  }

  /**
   * Resolves once the database has answered every cancel this attempt sent (at once when it sent none), each
   * waited for at most `cancelAnswerMs` from when it was sent: whether every one was answered within it.
   */
  async answered(): Promise<boolean> {
    while (this.unanswered.size > 0) await Promise.all(this.unanswered);
    return !this.unansweredInTime;
  }

  /** @internal A query of this attempt is about to be sent (the client's `unsafe`, see trackAttempts). */
  check(): void {
    if (this.givenUp && !this.ended) throw givenUpError();
  }

  /**
   * @internal `pinned`: sent on a connection only this attempt uses (its transaction's, or its BEGIN);
   * `transaction` the one it belongs to.
   */
  issued(query: postgres.PendingQuery<postgres.Row[]>, pinned: boolean, transaction?: Transaction): void {
    if (this.ended) return;
    const tracked = query as unknown as Tracked;
    tracked.pinned = pinned;
    tracked.transaction = transaction;
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

  /**
   * Sends the CancelRequest for the query's connection unless this attempt already did or the query's transaction
   * ended (see QueryAttempt). Whether it sent one.
   */
  private cancel(query: Tracked): boolean {
    const connection = query.state;
    if (!connection || this.cancelledOn.has(connection) || query.transaction?.ended) return false;
    this.cancelledOn.add(connection);
    // Resolves when the database closes the cancel connection; a database away makes it fail, which changes nothing.
    // postgres.js's own canceller, whose promise `query.cancel()` drops (src/query.js cancel, src/index.js cancel).
    const canceller = query.canceller;
    query.canceller = null;
    let timer: NodeJS.Timeout | undefined;
    const answer = Promise.race([
      Promise.resolve(canceller?.(query)).catch(() => {}),
      // Unref'd: a database away must not hold a shutting-down process for the wait.
      new Promise<void>(
        (resolve) =>
          (timer = setTimeout(() => {
            this.unansweredInTime = true;
            resolve();
          }, this.cancelAnswerMs).unref()),
      ),
    ]).then(() => clearTimeout(timer));
    this.unanswered.add(answer);
    void answer.then(() => this.unanswered.delete(answer));
    return true;
  }

  /**
   * A statement not sent yet (waiting for a connection of the pool, for its connection to connect, or behind the
   * one before it) is cancelled once postgres.js sends it — it marks it active just before writing it, or when the
   * one before it is answered (src/connection.js execute, ReadyForQuery) — and not before, which would stall a
   * transaction (see QueryAttempt).
   */
  private cancelWhenSent(query: Tracked): void {
    let active = query.active;
    void Object.defineProperty(query, "active", {
      configurable: true,
      enumerable: true,
      get: () => active,
      set: (value: boolean) => {
        active = value;
        if (value && !query.settled) setImmediate(() => query.active && !query.settled && this.cancel(query));
      },
    });
  }
}

const attempts = new AsyncLocalStorage<QueryAttempt>();

/**
 * How long a transaction given up on waits for the database to answer its cancel before it rolls back: far past a
 * live database's answer (milliseconds), about postgres.js's default `connect_timeout`.
 */
const CANCEL_ANSWER_MS = 10_000;

/**
 * A transaction of an attempt (its savepoints' statements included): `ended` once its work has settled;
 * `connection` postgres.js's connection its BEGIN was handed to; `closedFor` the error its work failed with when
 * that connection was closed instead of rolled back (see QueryAttempt).
 */
interface Transaction {
  ended: boolean;
  connection?: { terminate(): void };
  closedFor?: unknown;
}

/** The transaction whose BEGIN postgres.js sends now (its `begin` sends it before it first awaits). */
let opening: Transaction | undefined;

/**
 * A postgres.js Query as src/query.js has it: active from the moment it is sent until it is answered; `state` its
 * connection's backend key (one object per connection) once handed to a connection.
 */
type Tracked = postgres.PendingQuery<postgres.Row[]> & {
  active: boolean;
  state: object | null;
  settled?: boolean;
  pinned?: boolean;
  transaction?: Transaction;
  canceller: ((query: Tracked) => Promise<void>) | null;
  resolve(value: unknown): void;
  reject(error: unknown): void;
};

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
export function trackAttempts(sql: postgres.Sql | postgres.TransactionSql, transaction?: Transaction): void {
  const target = sql as unknown as { unsafe: Unsafe; begin?: Scoped; savepoint?: Scoped };
  const unsafe = target.unsafe;
  target.unsafe = (...args) => {
    const attempt = attempts.getStore();
    attempt?.check();
    const begins = opensTransaction(args);
    if (begins && opening) keepConnection(args, opening);
    const query = unsafe(...args);
    attempt?.issued(query, transaction !== undefined || begins, transaction);
    return query;
  };
  for (const name of ["begin", "savepoint"] as const) {
    const open = target[name];
    if (!open) continue;
    target[name] = (...args) => {
      const work = args.at(-1);
      if (typeof work !== "function") return open(...args);
      const attempt = attempts.getStore();
      // A savepoint's statements are its transaction's: they share its connection until the transaction ends.
      const own: Transaction = transaction ?? { ended: false };
      const run = async (tx: postgres.TransactionSql) => {
        trackAttempts(tx, own);
        try {
          const x: unknown = work(tx);
          const result: unknown = await (Array.isArray(x) ? Promise.all(x) : x);
          if (!transaction) own.ended = true;
          // Given up on while its last statement ran: roll back rather than commit late.
          attempt?.check();
          return result;
        } catch (error) {
          if (!transaction) own.ended = true;
          // The ROLLBACK that follows hands the connection to the next caller: not before the cancel was answered,
          // and never past the bound — then the connection is closed (see QueryAttempt).
          if ((await attempt?.answered()) === false && own.closedFor === undefined && own.connection) {
            own.closedFor = error;
            own.connection.terminate();
          }
          throw error;
        }
      };
      opening = transaction ? undefined : own;
      let opened: Promise<unknown>;
      try {
        opened = open(...args.slice(0, -1), run);
      } finally {
        opening = undefined;
      }
      // Closed instead of rolled back: postgres.js fails the transaction with the connection's end; its caller
      // hears why its work ended, as it would have from the ROLLBACK.
      return transaction ? opened : opened.catch((error: unknown) => Promise.reject(own.closedFor ?? error));
    };
  }
}

/** Notes on the transaction the connection postgres.js hands its BEGIN to (src/index.js `begin`, its `onexecute`). */
function keepConnection(args: unknown[], transaction: Transaction): void {
  const options = unsafeOptions(args) as { onexecute: (connection: { terminate(): void }) => void };
  const onexecute = options.onexecute;
  options.onexecute = (connection) => {
    transaction.connection = connection;
    onexecute(connection);
  };
}

/** postgres.js's BEGIN (src/index.js `begin`): the statement that gives its connection to one transaction. */
function opensTransaction(args: unknown[]): boolean {
  return typeof (unsafeOptions(args) as { onexecute?: unknown } | undefined)?.onexecute === "function";
}

/** The options of a call of postgres.js's `unsafe(text, parameters?, options?)`. */
function unsafeOptions(args: unknown[]): unknown {
  return args.length === 2 && !Array.isArray(args[1]) ? args[1] : args[2];
}
