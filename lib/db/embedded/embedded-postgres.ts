import { randomBytes } from "node:crypto";
import v8 from "node:v8";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { DurableNodeFS } from "./durable-node-fs";
import { EmbeddedWireServer, type HoldReport } from "./wire-server";

/**
 * The extensions our migrations create (0018: pg_trgm for the people search). PGlite loads an extension's code
 * only when told at each start; without it a database that has the extension cannot use its indexes.
 */
export const pgliteExtensions = { pg_trgm };

/**
 * PostgreSQL settings of the embedded database, sized for a small box (issue 20: the whole system in 500 MB).
 * PGlite runs in WebAssembly memory, which never shrinks: every page PostgreSQL touches once stays resident.
 * - shared_buffers 16 MB: PostgreSQL initialises its shared memory at start, so initdb's 128 MB made the database
 *   ~230 MB resident before the first query (16 MB: ~125 MB). The data files are read through the operating
 *   system's page cache, so a buffer miss costs a copy, not a disk read.
 * - max_connections 10: PGlite is one backend session (the wire server queues clients), yet PostgreSQL sizes its
 *   shared memory (process slots, lock table) by this; the lock table still holds 64 × (10 + 27 internal slots).
 * - maintenance_work_mem 16 MB: an index build's peak would otherwise stay resident after a migration.
 * - fsync on (PGlite starts with `-F`, off), through `fsync()`: PGlite's `fdatasync()` does nothing. With the fsync
 *   DurableNodeFS adds, a commit is on disk before its client hears of it, and a checkpoint's data files before the
 *   checkpoint counts (docs/operations.md, "Power cuts"). Measured: ~5 ms more per writing transaction on an SSD.
 */
export const EMBEDDED_SETTINGS: Record<string, string> = {
  shared_buffers: "16MB",
  max_connections: "10",
  maintenance_work_mem: "16MB",
  fsync: "on",
  wal_sync_method: "fsync",
};

/**
 * V8 compiles PGlite's 9 MB module with Liftoff (baseline) and recompiles hot functions with TurboFan; the
 * optimizing compiler's work leaves ~50 MB in malloc arenas that is never given back. With this tiering budget hot
 * functions stay on Liftoff. Measured side by side on 10,000 people: 50 MB less resident; the database's CPU time per
 * people page 17 → 19 ms, per API list the same; a CPU-bound query (hash join, sort of 100,000 rows) up to a third
 * slower. Set once per process, before the first module is compiled.
 */
const WASM_TIERING_BUDGET = "--wasm-tiering-budget=2000000000";
let wasmTuned = false;
function tuneWasmForMemory(): void {
  if (wasmTuned) return;
  wasmTuned = true;
  v8.setFlagsFromString(WASM_TIERING_BUDGET);
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** Batches of statements waiting for the one session behind the client that holds it (tests wait on it). */
  waitingBatches(): number;
  stop(): Promise<void>;
}

/** PGlite's own start parameters, without `-F` (fsync off), with EMBEDDED_SETTINGS added. */
export function embeddedStartParams(): string[] {
  return [
    ...PGlite.defaultStartParams.filter((param) => param !== "-F"),
    ...Object.entries(EMBEDDED_SETTINGS).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
  ];
}

/**
 * Starts PGlite (on disk at `dataDir`, or in memory when absent) behind a Postgres wire-protocol server on
 * 127.0.0.1, so the app's one driver (postgres.js) talks to it like to any PostgreSQL. Clients must give the
 * password generated at each start (it is in `url`): 127.0.0.1 is open to every local process and user.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number; loadDataDir?: Blob; password?: string; onHold?: (hold: HoldReport) => void } = {},
): Promise<EmbeddedPostgres> {
  tuneWasmForMemory();
  const pg = await PGlite.create({
    extensions: pgliteExtensions,
    startParams: embeddedStartParams(),
    ...(options.dataDir ? { fs: new DurableNodeFS(options.dataDir) } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // A fresh password per start, only in the URL handed to our own processes (and DATA_DIR/embedded-db.url, 0600).
  const password = options.password ?? randomBytes(24).toString("base64url");
  const server = new EmbeddedWireServer({ db: pg, port: options.port ?? 0, password, onHold: options.onHold });
  let port: number;
  try {
    port = await server.start();
  } catch (error) {
    await pg.close();
    throw error;
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    waitingBatches: () => server.waitingBatches,
    async stop() {
      await server.stop();
      await pg.close();
    },
  };
}
