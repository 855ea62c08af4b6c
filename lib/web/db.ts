import { createDb, type Db, type DbHandle } from "@/lib/db/client";
import { requireDatabaseUrl } from "@/lib/env";

// One pool per server process, created on first use (not at import, so `next build` needs no database).
// Kept on globalThis so `next dev` hot reloads do not open a new pool each time.
const holder = globalThis as unknown as { __makerspaceWebDb?: DbHandle };

export function getDb(): Db {
  holder.__makerspaceWebDb ??= createDb(requireDatabaseUrl(), { max: 10, connectTimeoutSeconds: 5 });
  return holder.__makerspaceWebDb.db;
}
