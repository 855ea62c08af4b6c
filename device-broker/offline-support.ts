import path from "node:path";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { DatabaseHealth } from "./database-health";
import type { BrokerMetrics } from "./metrics";
import { DecisionSnapshot } from "./snapshot/decision-snapshot";
import { readSnapshotFile, snapshotFilePath, type SavedSnapshot } from "./snapshot/snapshot-file";
import { BoardWrites } from "./spool/board-writes";
import type { SpoolLogOptions } from "./spool/spool-log";

export interface OfflineOptions {
  db: Db;
  logger: Logger;
  metrics: BrokerMetrics;
  /** Spool under <dataDir>/spool; absent: facts go straight to the database (tests of other parts). */
  dataDir?: string;
  /** false: decide from the database on every request (the old path). */
  snapshot?: boolean | { pollMs?: number; fullReloadMs?: number; probeTimeoutMs?: number };
  writeTimeoutMs?: number;
  /** Spool size limit / write function (tests of a full disk). */
  spool?: SpoolLogOptions;
  /** Already read by the caller (main checks for one before starting without a database); else read here if needed. */
  savedSnapshot?: SavedSnapshot | null;
}

export interface OfflineSupport {
  snapshot?: DecisionSnapshot;
  writes?: BoardWrites;
  /**
   * Whether the database answers, shared by the snapshot's poll and the spool; present with a snapshot (whose poll
   * notices the database back), so a handler may skip the database while it is away.
   */
  health?: DatabaseHealth;
  stop(): Promise<void>;
}

/** "Keeps working when the database does not": the decision snapshot and the write spool, started together. */
export async function startOfflineSupport(o: OfflineOptions): Promise<OfflineSupport> {
  // Probed while down on the broker's own pool, whose reconnect backoff createDb keeps short.
  const health = new DatabaseHealth({ ...o, probe: () => o.db.execute(sql`select 1`) });
  const writes = o.dataDir ? openBoardWrites(o, o.dataDir, health) : undefined;
  let snapshot: DecisionSnapshot | undefined;
  if (o.snapshot !== false) {
    const persistFile = o.dataDir ? snapshotFilePath(o.dataDir) : undefined;
    snapshot = new DecisionSnapshot({
      db: o.db,
      logger: o.logger,
      metrics: o.metrics,
      persistFile,
      health,
      ...(typeof o.snapshot === "object" ? o.snapshot : {}),
    });
    if (writes) snapshot.keepLocalFacts = () => writes.depth > 0;
    // The snapshot the last run saved (its last good load) answers boards at once — card checks and the boards'
    // pairings never wait on the database, which after a crash may be slow (busy draining, a backup) or away — and
    // the fresh load swaps in when it is done. Without a saved one: loaded before boards are served (else empty:
    // decisions from the database, failing while it is away).
    const saved = persistFile ? (o.savedSnapshot ?? readSnapshotFile(persistFile, o.logger)) : null;
    if (saved) {
      snapshot.restore(saved);
      const ageMinutes = Math.round((Date.now() - saved.savedAt.getTime()) / 60_000);
      o.logger.info(
        { savedAt: saved.savedAt.toISOString(), ageMinutes, file: persistFile },
        `deciding from the snapshot saved ${ageMinutes} min ago until the fresh load from the database is in`,
      );
      void snapshot.refresh();
    } else {
      await snapshot.refresh();
    }
    snapshot.start();
  }
  return {
    snapshot,
    writes,
    health: snapshot ? health : undefined,
    async stop() {
      health.stop();
      await snapshot?.stop();
      await writes?.stop();
    },
  };
}

/**
 * The spool under DATA_DIR, or none when DATA_DIR cannot be written (read-only, not a directory): the broker still
 * starts and answers boards, writing straight to the database, and reports the disk state (metrics, health).
 */
function openBoardWrites(o: OfflineOptions, dataDir: string, health: DatabaseHealth): BoardWrites | undefined {
  const dir = path.join(dataDir, "spool");
  try {
    return new BoardWrites({ db: o.db, logger: o.logger, metrics: o.metrics, dir, timeoutMs: o.writeTimeoutMs, spool: o.spool, health });
  } catch (error) {
    o.metrics.spoolUnwritable = 1;
    o.logger.error({ err: error, dir }, "the spool cannot be written; board facts go straight to the database and none are kept while it is away");
    return undefined;
  }
}
