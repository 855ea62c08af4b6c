import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import type { Env } from "@/lib/env";
import { acquireDataDirLock, ensureWritableDir } from "../launcher/preflight";
import { embeddedUrlFile } from "./embedded-url-file";

export { embeddedUrlFile };

export interface DatabaseTarget {
  url: string;
  description: string;
  close(): Promise<void>;
}

/**
 * Where backup/restore connect: DATABASE_URL; else the embedded database of a running `npm start`; else the
 * embedded data folder opened directly (taking the launcher's lock so `npm start` cannot open it meanwhile).
 */
export async function openDatabaseTarget(env: Env): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, description: "the PostgreSQL at DATABASE_URL", close: async () => {} };
  const dataDir = path.resolve(env.DATA_DIR);
  const running = readRunningUrl(dataDir);
  if (running) return { url: running, description: `the embedded database of the running system (${dataDir})`, close: async () => {} };
  ensureWritableDir(dataDir);
  const release = acquireDataDirLock(dataDir);
  try {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pgdata") });
    return {
      url: embedded.url,
      description: `the embedded database in ${dataDir}/pgdata`,
      async close() {
        await embedded.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function readRunningUrl(dataDir: string): string | null {
  if (runningLauncher(dataDir) === null) return null;
  try {
    return fs.readFileSync(embeddedUrlFile(dataDir), "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** The pid of the `npm start` running on dataDir (its lock file names a live process), or null. */
export function runningLauncher(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "launcher.pid"), "utf8"));
    if (!pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? Number(fs.readFileSync(path.join(dataDir, "launcher.pid"), "utf8")) : null;
  }
}
