/**
 * The embedded database's preparation when it is more than a restart's — a fresh install (initdb, migrations, demo
 * data) or an upgrade — run by the launcher in this short-lived child process (`prepareInChild` in database.ts).
 * PGlite's WebAssembly memory never shrinks, and what initdb and the seed leave in the process's malloc heap is never
 * given back: done in the launcher it stayed resident for the system's lifetime (launcher idle after a fresh install
 * 366 MB, after a restart of the same data 226 MB). Here it goes when the child exits.
 * Arguments: DATA_DIR and the directory in it to create the database in (the launcher renames it to pgdata once this
 * answered ok); DEMO_PASSWORD from the environment. Answers the launcher once over IPC (`PrepareAnswer`).
 */
import path from "node:path";
import { syncTree } from "@/lib/db/embedded/durable-node-fs";
import { openEmbedded, prepareOpened, type PrepareAnswer } from "./database";
import { StartupError } from "./startup-error";

const dataDir = process.argv[2]!;
const dir = process.argv[3] ?? "pgdata";

async function prepare(): Promise<PrepareAnswer> {
  try {
    const embedded = await openEmbedded(dataDir, 0, dir);
    // prepareOpened stops the database itself when it fails.
    const prepared = await prepareOpened({ url: embedded.url, embedded, upToDate: false }, { dataDir, demoPassword: process.env.DEMO_PASSWORD || undefined });
    await embedded.stop();
    // What initdb wrote PostgreSQL never syncs (nor makes private): on disk before the launcher renames it into place.
    syncTree(path.join(dataDir, dir));
    return { ok: true, demo: prepared.demo, seededNow: prepared.seededNow };
  } catch (error) {
    return { ok: false, message: error instanceof StartupError ? error.message : `Start failed: ${String(error)}` };
  }
}

const answer = await prepare();
process.send!(answer, () => process.exit(answer.ok ? 0 : 1));
