import path from "node:path";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import type { BrokerMetrics } from "./metrics";
import { DecisionSnapshot } from "./snapshot/decision-snapshot";
import { BoardWrites } from "./spool/board-writes";

export interface OfflineOptions {
  db: Db;
  logger: Logger;
  metrics: BrokerMetrics;
  /** Spool under <dataDir>/spool; absent: facts go straight to the database (tests of other parts). */
  dataDir?: string;
  /** false: decide from the database on every request (the old path). */
  snapshot?: boolean | { pollMs?: number; fullReloadMs?: number };
  writeTimeoutMs?: number;
}

export interface OfflineSupport {
  snapshot?: DecisionSnapshot;
  writes?: BoardWrites;
  stop(): Promise<void>;
}

/** "Keeps working when the database does not": the decision snapshot and the write spool, started together. */
export async function startOfflineSupport(o: OfflineOptions): Promise<OfflineSupport> {
  const writes = o.dataDir
    ? new BoardWrites({ db: o.db, logger: o.logger, metrics: o.metrics, dir: path.join(o.dataDir, "spool"), timeoutMs: o.writeTimeoutMs })
    : undefined;
  let snapshot: DecisionSnapshot | undefined;
  if (o.snapshot !== false) {
    snapshot = new DecisionSnapshot({ db: o.db, logger: o.logger, metrics: o.metrics, ...(typeof o.snapshot === "object" ? o.snapshot : {}) });
    if (writes) snapshot.keepLocalFacts = () => writes.depth > 0;
    // Loaded before boards are served when the database is there; started empty (database path) when it is not.
    await snapshot.refresh();
    snapshot.start();
  }
  return {
    snapshot,
    writes,
    async stop() {
      await snapshot?.stop();
      await writes?.stop();
    },
  };
}
