import net from "node:net";

export interface TcpProxy {
  port: number;
  /** Refuses new connections and cuts every open one: the database is "down" for its clients. */
  cut(): Promise<void>;
  /**
   * The database stops answering without refusing (frozen, or the network drops its packets): open connections
   * stay open and hear nothing more, new ones are accepted and never answered. restore() cuts them all.
   */
  hang(): void;
  /** Listens again on the same port (after cut) or answers again (after hang): the database is back. */
  restore(): Promise<void>;
  close(): Promise<void>;
  /** Holds every answer from the database this long (0: none) — a slow database; order is kept. */
  slow(ms: number): void;
  /**
   * Holds each CancelRequest that arrives from now on, unanswered, until releaseCancels() sends them on: a cancel
   * that is slow to reach the database (it travels on a connection of its own) — while the connection it names
   * goes on with its next statement.
   */
  holdCancels(): void;
  /**
   * Sends the held CancelRequests on, in order, and holds none from now on. Resolves once the database has closed
   * each one's connection: it has acted on it (at once when none was held).
   */
  releaseCancels(): Promise<void>;
  /** How many CancelRequests are held now. */
  heldCancels(): number;
}

/** A CancelRequest's first bytes (PostgreSQL protocol): length 16, code 80877102. */
const isCancelRequest = (chunk: Buffer) => chunk.length >= 8 && chunk.readInt32BE(0) === 16 && chunk.readInt32BE(4) === 80877102;

/** A tiny TCP proxy in front of a database (embedded or PostgreSQL) that a test can cut and restore. */
export async function startTcpProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  let delayMs = 0;
  let hung = false;
  let holdingCancels = false;
  const held: { send: () => void; answered: Promise<void> }[] = [];
  const listen = async () => {
    server = net.createServer((client) => {
      if (hung) {
        sockets.add(client);
        client.on("close", () => sockets.delete(client));
        client.on("error", () => client.destroy());
        return; // accepted, never answered
      }
      const upstream = net.connect(targetPort, targetHost);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      let first = true;
      client.on("data", (chunk: Buffer) => {
        if (hung) return;
        if (first && holdingCancels && isCancelRequest(chunk)) {
          const answered = new Promise<void>((resolve) => upstream.once("close", () => resolve()));
          held.push({ send: () => upstream.write(chunk), answered });
        } else upstream.write(chunk);
        first = false;
      });
      client.on("end", () => upstream.end());
      // Answers wait delayMs each, in order: a chunk never leaves before the one before it.
      let releaseAt = 0;
      upstream.on("data", (chunk: Buffer) => {
        if (hung) return;
        if (delayMs === 0 && releaseAt <= Date.now()) {
          client.write(chunk);
          return;
        }
        releaseAt = Math.max(releaseAt, Date.now() + delayMs);
        setTimeout(() => client.writable && client.write(chunk), releaseAt - Date.now());
      });
      upstream.on("end", () => client.end());
    });
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(port, "127.0.0.1", () => resolve());
    });
    port = (server.address() as net.AddressInfo).port;
  };
  const cut = async () => {
    const closing = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
    server = null;
    for (const s of sockets) s.destroy();
    await closing;
  };
  const restore = async () => {
    if (hung) {
      hung = false;
      for (const s of sockets) s.destroy(); // what a restarted database (or a healed network's RST) does to them
    }
    if (!server) await listen();
  };
  await listen();
  const releaseCancels = async () => {
    holdingCancels = false;
    const released = held.splice(0);
    for (const { send } of released) send();
    await Promise.all(released.map((c) => c.answered));
  };
  return {
    port,
    cut,
    hang: () => void (hung = true),
    restore,
    close: cut,
    slow: (ms) => (delayMs = ms),
    holdCancels: () => void (holdingCancels = true),
    releaseCancels,
    heldCancels: () => held.length,
  };
}
