import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { DatabaseHealth } from "../database-health";
import type { BrokerMetrics } from "../metrics";
import { applyEvent, applyEvents, isUnavailable, WriteTimeoutError, type EventOutcome, type SpoolEvent } from "./events";
import { SpoolLog, type SpoolLogOptions } from "./spool-log";

type NewEvent = SpoolEvent extends infer E ? (E extends SpoolEvent ? Omit<E, "id" | "receivedAt"> & { receivedAt: Date } : never) : never;

export interface BoardWritesOptions {
  db: Db;
  logger: Logger;
  metrics: BrokerMetrics;
  /** <DATA_DIR>/spool */
  dir: string;
  /** A write slower than this is spooled (the board waits 2 s for its reply). Default 1 s. */
  timeoutMs?: number;
  /** How often the drainer retries while the database is away. Default 1 s. */
  retryMs?: number;
  /**
   * How long one drain attempt (one spooled event) may take before the drainer gives up on it and counts the
   * database as away. No board waits on a drain, so this is not the board's reply budget (timeoutMs): bound by
   * that, a database slower than 1 s per transaction (a busy box) made every attempt roll back at its deadline and
   * the spool drained at most one event per retry — or never. Default 10 s.
   */
  drainTimeoutMs?: number;
  /**
   * How many spooled events one drain transaction applies at most (default 20): each costs its own statements, the
   * batch one BEGIN, receipt statement and COMMIT.
   */
  drainBatch?: number;
  /**
   * A drain transaction takes no further event after this much work (default 50 ms): on the embedded database it
   * holds the one session from the web meanwhile. 0: one event per transaction.
   */
  drainBatchMs?: number;
  /** Spool size limit and write function (tests: a full disk). */
  spool?: SpoolLogOptions;
  /** Shared with the snapshot (which notices an outage in a quiet period); default: this spool's own. */
  health?: DatabaseHealth;
}

/**
 * The one way usage, unknown-card, alive and maintenance facts reach the database. Tries the database; when it
 * cannot take the write, appends the event to the fsync'd spool before the board gets its reply. While anything
 * is spooled, new events queue behind it (never overtaking), and a drainer replays them in order with the same
 * idempotent record functions, committing the spool's mark only after each is in the database. Every event keeps
 * its id from the first attempt on, and applying an id twice is a no-op (spool/events.ts). While the database is
 * known to be away (database-health.ts) events are spooled without trying it: a board's request never waits for
 * the driver's reconnect, only the first write that finds the database away waits, at most timeoutMs.
 */
export class BoardWrites {
  private readonly spool: SpoolLog<SpoolEvent>;
  private draining: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  /** Waiting for a drain attempt given up on to settle before the next (never two of them in the pool). */
  private resuming = false;
  /** Events per drain transaction now: halved after one was given up on (a slow database), so the drain goes on. */
  private batch: number;
  private stopped = false;
  readonly health: DatabaseHealth;

  constructor(private readonly o: BoardWritesOptions) {
    this.health = o.health ?? new DatabaseHealth(o);
    this.batch = o.drainBatch ?? 20;
    this.spool = new SpoolLog<SpoolEvent>(o.dir, o.spool);
    this.o.metrics.spoolDepth = this.spool.depth;
    if (this.spool.depth > 0) o.logger.info({ depth: this.spool.depth }, "spool left by a previous run; draining");
    this.drain();
  }

  get depth(): number {
    return this.spool.depth;
  }

  /** The domain's outcome, or "spooled" when the event is durably queued for later. Rejects only on a real refusal. */
  async write(event: NewEvent): Promise<EventOutcome | "spooled"> {
    const full = { ...event, id: randomUUID(), receivedAt: event.receivedAt.toISOString() } as SpoolEvent;
    if (this.spool.depth > 0 || this.health.down) return this.toSpool(full);
    try {
      return await this.withTimeout((deadline) => applyEvent(this.o.db, full, { deadline }));
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      if (error instanceof WriteTimeoutError) this.o.metrics.slowWrites++;
      this.o.logger.warn({ err: error, kind: full.kind, machineId: full.machineId }, "database unavailable; event spooled");
      return this.toSpool(full);
    }
  }

  /** Waits for a drain round in progress (tests, shutdown); never rejects. */
  async idle(): Promise<void> {
    await this.draining;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.draining;
    this.spool.close();
  }

  /** Throws when the disk cannot take it either: then nothing is acknowledged (the board keeps and replays it). */
  private toSpool(event: SpoolEvent): "spooled" {
    try {
      this.spool.append(event);
      this.o.metrics.spoolUnwritable = 0;
    } catch (error) {
      this.o.metrics.spoolErrors++;
      this.o.metrics.spoolUnwritable = 1;
      this.o.logger.error(
        { err: error, kind: event.kind, machineId: event.machineId },
        "database unavailable and the spool cannot be written; not acknowledged",
      );
      throw error;
    }
    this.o.metrics.spooled++;
    this.o.metrics.spoolDepth = this.spool.depth;
    this.drain();
    return "spooled";
  }

  /**
   * Gives up on a write after timeoutMs (and then counts the database as away): its statement is cancelled
   * (database-health.ts bounded). The attempt also carries the same deadline and rolls back if it gets past it, so
   * it never commits after the events that come after it; one that committed just in time has left its receipt,
   * and applying the event again from the spool is a no-op.
   */
  private withTimeout<T>(attempt: (deadline: number) => Promise<T>, lane?: string, ms = this.o.timeoutMs ?? 1_000): Promise<T> {
    return this.health.bounded(ms, () => attempt(Date.now() + ms), lane);
  }

  private drain(): void {
    if (this.draining || this.resuming || this.stopped || this.spool.depth === 0) return;
    if (this.retry) {
      clearTimeout(this.retry);
      this.retry = null;
    }
    this.draining = this.drainAll()
      .catch((error: unknown) => {
        this.o.metrics.spoolErrors++;
        this.o.logger.error({ err: error }, "spool drain failed");
      })
      .finally(() => {
        this.draining = null;
        if (this.spool.depth === 0 || this.stopped || this.retry) return;
        if (this.health.pending(DRAIN_LANE)) {
          // An attempt given up on is still running (a slow or hung database): try again the moment it has
          // committed or rolled back — not on a fixed tick, and never beside it.
          this.resuming = true;
          void this.health.settled(DRAIN_LANE).then(() => {
            this.resuming = false;
            this.drain();
          });
        } else {
          this.retry = setTimeout(() => {
            this.retry = null;
            this.drain();
          }, this.o.retryMs ?? 1_000);
          this.retry.unref();
        }
      });
  }

  private async drainAll(): Promise<void> {
    // After a batch was refused, its events are applied one by one, so that only the one refused is set aside.
    let oneByOne = 0;
    while (!this.stopped && this.spool.depth > 0) {
      const batch = this.spool.oldest(oneByOne > 0 ? 1 : this.batch);
      try {
        const budgetMs = this.o.drainBatchMs ?? 50;
        const applied = await this.withTimeout(
          (deadline) => applyEvents(this.o.db, batch, { deadline, budgetMs }),
          DRAIN_LANE,
          this.o.drainTimeoutMs ?? 10_000,
        );
        this.spool.commit(applied.length);
        this.o.metrics.drained += applied.length;
        if (oneByOne > 0) oneByOne--;
        else this.batch = Math.min(this.o.drainBatch ?? 20, this.batch * 2);
      } catch (error) {
        if (isUnavailable(error)) {
          // Too slow for its bound: smaller batches from now on (one event at worst, as before batches).
          if (error instanceof WriteTimeoutError) this.batch = Math.max(1, Math.floor(batch.length / 2));
          return; // still down or slow: retry later, in the same order
        }
        if (batch.length > 1) {
          oneByOne = batch.length;
          continue;
        }
        this.o.metrics.spoolErrors++;
        this.o.logger.error({ err: error, event: batch[0] }, "spooled event refused by the database; set aside in rejected.jsonl");
        this.spool.reject(error instanceof Error ? error.message : String(error));
        if (oneByOne > 0) oneByOne--;
      } finally {
        this.o.metrics.spoolDepth = this.spool.depth;
      }
    }
    if (this.spool.depth === 0) this.o.logger.info({ drained: this.o.metrics.drained }, "spool drained");
  }
}

const DRAIN_LANE = "spool drain";
