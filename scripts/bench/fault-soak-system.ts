/**
 * The system `npm run soak` (fault-soak.ts) puts faults on: the broker behind its proxy and throwaway database
 * (fault-soak-broker.ts), simulated boards using their machines and keeping the ground truth (fault-soak-boards.ts),
 * what the database holds (fault-soak-found.ts), and `fault()`, which runs one fault under that load and measures what
 * reached the database (fault-soak-fault.ts; the rows and the table in fault-soak-records.ts).
 */
import { root, startSoakBroker } from "./fault-soak-broker";
import { soakBoards } from "./fault-soak-boards";
import { faultRunner } from "./fault-soak-fault";
import { soakRecords } from "./fault-soak-found";
import { printTable, type Row } from "./fault-soak-records";
import { log, until } from "./fault-soak-time";

export type { FaultOutcome } from "./fault-soak-fault";

export interface SoakOptions {
  boards: number;
  long: boolean;
  /** How long a fault's records may take to reach the database before the row says so. */
  drainLimitMs: number;
}

export type SoakSystem = Awaited<ReturnType<typeof startSoakSystem>>;

export async function startSoakSystem({ boards: BOARDS, long: LONG, drainLimitMs }: SoakOptions) {
  const broker = await startSoakBroker(BOARDS);
  const records = await soakRecords(broker.check.db, BOARDS);
  const fleet = soakBoards(BOARDS, broker.mqttPort, records.machineOfBoard);
  const { boards, use } = fleet;
  await Promise.all(boards.map((b) => b.start()));
  // One use each while all is well: the boards' card caches know the card for offline swipes. A use is written
  // after its reply (board → spool → database): wait for them, so that they do not count in the first fault.
  const beforeWarmUp = new Date(Date.now() - 1_000);
  await Promise.all(boards.map((b) => use(b, 1_100)));
  let warmedUp = false;
  await until(
    () => warmedUp,
    "the warm-up uses to be recorded",
    120_000,
    async () => {
      warmedUp = (await records.foundSince(beforeWarmUp)).length >= BOARDS;
    },
  );
  const { database, tmpfs } = broker;
  log(`${BOARDS} boards up on ${database.label}; broker DATA_DIR ${tmpfs ? "on a 32 MB tmpfs" : "on the normal disk (not root: no full-disk fault)"}`);

  const rows: Row[] = [];
  const fault = faultRunner({ broker, fleet, records, rows, drainLimitMs });

  let cleaned: Promise<void> | null = null;
  /** Prints what was measured and leaves nothing behind (broker, database process, tmpfs), also on Ctrl-C. */
  function finish(): Promise<void> {
    return (cleaned ??= (async () => {
      printTable(rows, `npm run soak${LONG ? " -- --long" : ""}: ${BOARDS} boards, ${database.label}`);
      await Promise.all(boards.map((b) => b.close()));
      await broker.close();
    })());
  }

  const { work, dataDir, proxy, mqttPort, supervisor, listening } = broker;
  return { root, work, dataDir, tmpfs, database, proxy, mqttPort, supervisor, listening, boards, rows, use, load: fleet.load, fault, finish };
}
