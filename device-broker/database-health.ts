import type { Logger } from "pino";
import { QueryAttempt } from "@/lib/db/query-attempt";
import type { BrokerMetrics } from "./metrics";
import { isDatabaseAway, WriteTimeoutError } from "./spool/events";

/**
 * Whether the database answers, as the broker last saw it (issue 21: card checks never wait on the database).
 * Flips to down on the first query that finds it unreachable or too slow — a board write, the snapshot's poll of
 * its change marker, a drain attempt — and back up on the first that gets an answer. While it is down, board
 * writes go straight to the spool and the board's answer comes from the snapshot: no request waits on the
 * driver's reconnect (connect timeout, backoff) or on a connection that no longer answers.
 */
export interface DatabaseHealthOptions {
  logger: Logger;
  metrics: BrokerMetrics;
  /**
   * A tiny query (`select 1`), asked every `probeEveryMs` while the database is down, so its return is noticed
   * within about that time even when nothing else asks (a quiet outage; the snapshot's poll backs off to 30 s).
   */
  probe?: () => Promise<unknown>;
  /** Default 500 ms; each probe is given as long to answer. */
  probeEveryMs?: number;
}

export class DatabaseHealth {
  private downSince: number | null = null;
  private probing: NodeJS.Timeout | null = null;

  constructor(private readonly o: DatabaseHealthOptions) {}

  get down(): boolean {
    return this.downSince !== null;
  }

  private readonly backListeners: (() => void)[] = [];

  /** Called each time the database answers again after an outage (the snapshot then polls at once, not at its backoff). */
  onBack(listener: () => void): void {
    this.backListeners.push(listener);
  }

  /** A query got its answer (or a refusal from a live database): it is up. */
  answered(): void {
    if (this.downSince === null) return;
    this.o.logger.info({ downMs: Date.now() - this.downSince }, "database answers again");
    this.downSince = null;
    this.o.metrics.databaseDown = 0;
    this.stopProbing();
    for (const listener of this.backListeners) listener();
  }

  /**
   * A query failed: down if the failure says the database is away — not for a refusal of this one query, nor for a
   * statement cancelled (a cancel or timeout meant for it or its connection: the database answered).
   */
  failed(error: unknown): void {
    if (!isDatabaseAway(error)) return;
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.o.metrics.databaseDown = 1;
    this.o.metrics.databaseOutages++;
    this.o.logger.warn({ err: error }, "database unavailable; board facts are spooled and decisions come from the snapshot");
    this.startProbing();
  }

  /** Stops the recovery probe (the broker is closing). */
  stop(): void {
    this.stopProbing();
  }

  private startProbing(): void {
    const probe = this.o.probe;
    if (!probe || this.probing) return;
    const every = this.o.probeEveryMs ?? 500;
    // One probe at a time (its lane): on a database that does not answer, probes must not pile up in the pool.
    this.probing = setInterval(() => void this.bounded(every, probe, "recovery probe").catch(() => {}), every);
    this.probing.unref();
  }

  private stopProbing(): void {
    if (this.probing) clearInterval(this.probing);
    this.probing = null;
  }

  /** Queries given up on but still pending, per lane: a lane never has two (see bounded). */
  private readonly stuck = new Map<string, Promise<unknown>>();

  /**
   * Resolves once the query a lane gave up on has settled (at once when none is pending): it then either committed
   * or rolled back (a caller past its deadline rolls back), and the lane may try again without piling up.
   */
  async settled(lane: string): Promise<void> {
    await this.stuck.get(lane)?.catch(() => {});
  }

  /** Whether a query this lane gave up on is still running. */
  pending(lane: string): boolean {
    return this.stuck.has(lane);
  }

  /**
   * Runs database work and waits for it at most `ms`: past that the caller gets a WriteTimeoutError, the database
   * counts as down, and the work is given up (lib/db/query-attempt.ts): the statement its transaction runs is
   * cancelled and the ones it would send next are refused, so a transaction given up on rolls back instead of
   * running on after newer work (issue 21: a stale stop applied late); it keeps its connection until the database
   * answered the cancel, which therefore never stops another caller's statement (10 s at most: then the connection is
   * closed instead of handed on). A statement outside a transaction
   * (a read) runs to its end. One the database does not hear the cancel of (it is away) still settles later:
   * callers that must not commit late pass the work their deadline as well. A `lane` (a periodic probe, the drain, a machine's facts) starts no new work while its last is still
   * pending: on a database that does not answer, repeated attempts would only pile up in the connection pool, and
   * a machine's next fact must never run beside the one before it.
   */
  async bounded<T>(ms: number, run: () => Promise<T>, lane?: string): Promise<T> {
    if (lane && this.stuck.has(lane)) throw new WriteTimeoutError(`the database has not answered the last ${lane} yet`);
    let timer: NodeJS.Timeout | undefined;
    const attempt = new QueryAttempt();
    const work = attempt.run(run);
    work.catch(() => {});
    if (lane) {
      this.stuck.set(lane, work);
      const clear = () => {
        if (this.stuck.get(lane) === work) this.stuck.delete(lane);
      };
      work.then(clear, clear);
    }
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.o.metrics.databaseTimeouts++;
        this.o.metrics.databaseCancels += attempt.giveUp();
        reject(new WriteTimeoutError(`the database did not answer within ${ms} ms`));
      }, ms);
    });
    try {
      const result = await Promise.race([work, timeout]);
      this.answered();
      return result;
    } catch (error) {
      // Past its bound, the WriteTimeoutError (away); a statement cancelled though this attempt was not given up on
      // (a statement_timeout, an operator) or a refusal (a constraint, a bad row) came from a database that answers.
      if (isDatabaseAway(error)) this.failed(error);
      else this.answered();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
