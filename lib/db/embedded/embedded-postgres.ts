import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { EmbeddedWireServer } from "./wire-server";

/**
 * The extensions our migrations create (0018: pg_trgm for the people search). PGlite loads an extension's code
 * only when told at each start; without it a database that has the extension cannot use its indexes.
 */
export const pgliteExtensions = { pg_trgm };

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (on disk at `dataDir`, or in memory when absent) behind a Postgres wire-protocol server on
 * 127.0.0.1, so the app's one driver (postgres.js) talks to it like to any PostgreSQL. Clients must give the
 * password generated at each start (it is in `url`): 127.0.0.1 is open to every local process and user.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number; loadDataDir?: Blob; password?: string } = {},
): Promise<EmbeddedPostgres> {
  const pg = await PGlite.create({
    extensions: pgliteExtensions,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // A fresh password per start, only in the URL handed to our own processes (and DATA_DIR/embedded-db.url, 0600).
  const password = options.password ?? randomBytes(24).toString("base64url");
  const server = new EmbeddedWireServer({ db: pg, port: options.port ?? 0, password });
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
    async stop() {
      await server.stop();
      await pg.close();
    },
  };
}
