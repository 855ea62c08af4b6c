import { startTcpProxy, type TcpProxy } from "@/lib/db/testing/tcp-proxy";

// The proxy lives beside the database's test helpers (lib/db/testing); the broker's tests keep importing it here.
export { startTcpProxy, type TcpProxy };

/** A proxy in front of a database, and `url`: the same database reached through it. */
export type DatabaseProxy = TcpProxy & { url: string };

export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const url = new URL(databaseUrl);
  const proxy = await startTcpProxy(Number(url.port));
  url.port = String(proxy.port);
  return Object.assign(proxy, { url: url.toString() });
}
