import fs from "node:fs";
import { prepareDatabase } from "@/drizzle/prepare";
import { seedDemoData } from "@/drizzle/seed";
import { createDb, type Db } from "../client";
import { startEmbeddedPostgres } from "../embedded/embedded-postgres";
import type { HoldReport } from "../embedded/hold-report";

export interface SessionHoldsDatabase {
  /** One connection, as a process's pool reaches the embedded database's one session. */
  db: Db;
  /** Every hold of the session so far, in the order the wire server reported them (wire-session.ts onHold). */
  holds: HoldReport[];
  /** The holds of `work`'s second run: the first opens the connection, fetches its types and prepares the statements. */
  holdsOf(work: () => Promise<unknown>): Promise<HoldReport[]>;
  close(): Promise<void>;
}

/**
 * An embedded database with the demo data whose session holds are counted (round trips, batches; never timed), for
 * the tests of how long a page's or the broker's reads keep everyone else waiting. Embedded only: on PostgreSQL there
 * is no hold report (skip those tests when TEST_PG_TEMPLATE_URL is set). `prepare` runs first on a connection of its
 * own: the whole preparation by default, or what a database loaded from the migrated dump (`fromDump`) still needs.
 */
export async function startSessionHoldsDatabase(options: { fromDump?: boolean; prepare?: (db: Db) => Promise<void> } = {}): Promise<SessionHoldsDatabase> {
  const holds: HoldReport[] = [];
  const dump = options.fromDump ? process.env.TEST_PGLITE_DUMP : undefined;
  const embedded = await startEmbeddedPostgres({
    ...(dump ? { loadDataDir: new Blob([fs.readFileSync(dump)]) } : {}),
    onHold: (h) => holds.push(h),
  });
  const setup = createDb(embedded.url, { max: 1 });
  await (options.prepare ?? prepareDatabase)(setup.db);
  await seedDemoData(setup.db, "demo-password-123");
  await setup.close();
  const handle = createDb(embedded.url, { max: 1 });
  return {
    db: handle.db,
    holds,
    async holdsOf(work) {
      await work();
      const from = holds.length;
      await work();
      return holds.slice(from);
    },
    async close() {
      await handle.close();
      await embedded.stop();
    },
  };
}
