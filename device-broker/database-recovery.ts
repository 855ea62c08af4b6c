import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";

export interface DatabaseRecoveryOptions {
  db: Db;
  logger: Logger;
  ping(db: Db): Promise<unknown>;
  /** Brings the schema up to date once the database answers (it was not prepared at start). */
  prepare(db: Db): Promise<unknown>;
  /** Called once the database is back and prepared: reload the snapshot now rather than at its next backoff. */
  onBack(): Promise<unknown> | unknown;
  stopped(): boolean;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * The broker started without its database (serving boards from the saved snapshot): retries with backoff
 * (1 s doubling up to 30 s) until it answers. The spool drains by itself once writes succeed again.
 */
export function retryDatabaseUntilBack(o: DatabaseRecoveryOptions): void {
  let delay = o.firstDelayMs ?? 1_000;
  let attempts = 0;
  const attempt = async () => {
    if (o.stopped()) return;
    attempts++;
    let answered = false;
    try {
      await o.ping(o.db);
      answered = true;
      await o.prepare(o.db);
      o.logger.info({ attempts }, "database reachable again; reloading the decision snapshot and draining the spool");
      await o.onBack();
    } catch (error) {
      if (answered) o.logger.error({ err: error, attempts }, "database is back but could not be prepared; retrying");
      else o.logger.debug({ err: error, attempts }, "database still unreachable");
      delay = Math.min(delay * 2, o.maxDelayMs ?? 30_000);
      setTimeout(() => void attempt(), delay).unref();
    }
  };
  setTimeout(() => void attempt(), delay).unref();
}
