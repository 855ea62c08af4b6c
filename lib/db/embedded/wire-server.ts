import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Serves one PGlite database to many Postgres wire-protocol clients.
 *
 * PGlite is a single backend session. Why not @electric-sql/pglite-socket: its multiplexer queues clients message
 * by message and keeps a client's turn only inside a transaction, so concurrent Parse/Bind/Execute/Sync batches of
 * two postgres.js connections interleave (one client's Bind lands on another's Parse; "unnamed prepared statement
 * does not exist", or the wrong rows), and one failure can stall its queue for good — upstream
 * https://github.com/electric-sql/pglite/issues/1046 (fix proposed in PR #977, both open). Its releases also pin
 * an exact @electric-sql/pglite peer version, which would hold back our PGlite upgrades.
 * Here each client's messages are grouped into batches that end at Sync or a simple Query, batches run one at a
 * time, and a client keeps the session (others wait) while it is inside a transaction or between Flush and Sync.
 * One session also means NOTIFY never reaches a LISTEN on another connection: nothing here relies on LISTEN
 * (what waits for other processes polls the database).
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** A client that holds the session this long without sending anything is cut off, so others are not starved. */
const HOLD_TIMEOUT_MS = 30_000;

interface Batch {
  client: Client;
  messages: Uint8Array[];
  endsCycle: boolean;
}

class Client {
  buffer: Buffer = Buffer.alloc(0);
  started = false;
  closed = false;
  /** While the password is asked for: the startup message (handed to PGlite once the password is right) and the salt. */
  pending: { startup: Uint8Array; user: string; salt: Buffer } | null = null;
  constructor(
    readonly id: number,
    readonly socket: net.Socket,
  ) {}
}

export interface WireServerOptions {
  db: PGlite;
  host?: string;
  port?: number;
  maxConnections?: number;
  /**
   * Required of every client (MD5 challenge, as PostgreSQL's md5 method: the password never crosses the socket).
   * PGlite itself checks none, and 127.0.0.1 is reachable by every process and user on the machine.
   */
  password?: string;
}

export class EmbeddedWireServer {
  private server: net.Server | null = null;
  private readonly clients = new Set<Client>();
  private readonly queue: Batch[] = [];
  private holder: Client | null = null;
  private holdTimer: NodeJS.Timeout | null = null;
  private running = false;
  private nextId = 1;
  port = 0;

  constructor(private readonly options: WireServerOptions) {}

  async start(): Promise<number> {
    await this.options.db.waitReady;
    const server = net.createServer((socket) => this.accept(socket));
    server.maxConnections = this.options.maxConnections ?? 100;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port ?? 0, this.options.host ?? "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const client of this.clients) client.socket.destroy();
    this.clients.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  private accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    const client = new Client(this.nextId++, socket);
    this.clients.add(client);
    socket.on("data", (chunk) => this.receive(client, chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => void this.drop(client));
  }

  private receive(client: Client, chunk: Buffer): void {
    if (client.closed) return;
    client.buffer = client.buffer.length ? Buffer.concat([client.buffer, chunk]) : chunk;
    let batch: Uint8Array[] = [];
    for (;;) {
      const buf = client.buffer;
      if (!client.started) {
        if (buf.length < 8) break;
        const length = buf.readInt32BE(0);
        if (buf.length < length) break;
        const code = buf.readInt32BE(4);
        client.buffer = buf.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          client.socket.write("N");
        } else if (code === CANCEL_REQUEST) {
          client.socket.end();
          return;
        } else if (code === PROTOCOL_3) {
          const startup = new Uint8Array(buf.subarray(0, length));
          if (this.options.password === undefined) {
            client.started = true;
            this.enqueue({ client, messages: [startup], endsCycle: true });
          } else {
            this.askPassword(client, startup);
          }
        } else {
          client.socket.destroy();
          return;
        }
        continue;
      }
      if (buf.length < 5) break;
      const length = 1 + buf.readInt32BE(1);
      if (buf.length < length) break;
      const type = String.fromCharCode(buf[0]!);
      const message = new Uint8Array(buf.subarray(0, length));
      client.buffer = buf.subarray(length);
      if (client.pending) {
        // Nothing but the password message is accepted before the password is right.
        if (type !== "p" || !this.checkPassword(client, Buffer.from(message.subarray(5)))) return this.refuse(client);
        const { startup } = client.pending;
        client.pending = null;
        this.enqueue({ client, messages: [startup], endsCycle: true });
        continue;
      }
      if (type === "X") {
        client.socket.end();
        return;
      }
      batch.push(message);
      if (type === "S" || type === "Q" || type === "H") {
        this.enqueue({ client, messages: batch, endsCycle: type !== "H" });
        batch = [];
      }
    }
    // Messages without their Sync yet: keep them until it arrives.
    if (batch.length) {
      const rest = Buffer.concat(batch.map((m) => Buffer.from(m)));
      client.buffer = client.buffer.length ? Buffer.concat([rest, client.buffer]) : rest;
    }
  }

  private askPassword(client: Client, startup: Uint8Array): void {
    client.started = true;
    client.pending = { startup, user: startupParameter(startup, "user") ?? "", salt: randomBytes(4) };
    const request = Buffer.alloc(13);
    request.write("R", 0);
    request.writeInt32BE(12, 1);
    request.writeInt32BE(5, 5); // AuthenticationMD5Password
    client.pending.salt.copy(request, 9);
    client.socket.write(request);
  }

  /** PostgreSQL's md5 method: "md5" + md5(md5(password + user) + salt), compared in constant time. */
  private checkPassword(client: Client, body: Buffer): boolean {
    const { user, salt } = client.pending!;
    const md5 = (data: Buffer | string) => createHash("md5").update(data).digest("hex");
    const expected = Buffer.from(`md5${md5(Buffer.concat([Buffer.from(md5(this.options.password! + user)), salt]))}\0`);
    return body.length === expected.length && timingSafeEqual(body, expected);
  }

  private refuse(client: Client): void {
    const user = client.pending?.user ?? "";
    const fields = ["SFATAL", "VFATAL", "C28P01", `Mpassword authentication failed for user "${user}"`].map((f) => Buffer.from(`${f}\0`));
    const body = Buffer.concat([...fields, Buffer.from([0])]);
    const header = Buffer.alloc(5);
    header.write("E", 0);
    header.writeInt32BE(body.length + 4, 1);
    client.pending = null;
    client.closed = true;
    client.socket.end(Buffer.concat([header, body]));
  }

  private enqueue(batch: Batch): void {
    this.queue.push(batch);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.holder ? this.queue.findIndex((b) => b.client === this.holder) : 0;
        if (index < 0 || this.queue.length === 0) break;
        const [batch] = this.queue.splice(index, 1);
        if (!batch || batch.client.closed) continue;
        await this.execute(batch);
        const keep = !batch.client.closed && (this.options.db.isInTransaction() || !batch.endsCycle);
        this.setHolder(keep ? batch.client : null);
      }
    } finally {
      this.running = false;
    }
  }

  private async execute(batch: Batch): Promise<void> {
    const { socket } = batch.client;
    for (const message of batch.messages) {
      try {
        await this.options.db.runExclusive(() =>
          this.options.db.execProtocolRawStream(message, {
            onRawData: (data) => {
              if (socket.writable) socket.write(data);
            },
          }),
        );
      } catch {
        socket.destroy();
        return;
      }
    }
  }

  private setHolder(client: Client | null): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    this.holder = client;
    if (client) {
      this.holdTimer = setTimeout(() => client.socket.destroy(), HOLD_TIMEOUT_MS);
      this.holdTimer.unref();
    }
  }

  private async drop(client: Client): Promise<void> {
    client.closed = true;
    this.clients.delete(client);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.client === client) this.queue.splice(i, 1);
    if (this.holder === client) {
      // Wait for a batch of this client still running, then undo what it left open.
      while (this.running) await new Promise((r) => setTimeout(r, 1));
      if (this.options.db.isInTransaction()) await this.options.db.exec("ROLLBACK").catch(() => {});
      this.setHolder(null);
      void this.pump();
    }
  }
}

/** A parameter of a StartupMessage (length, protocol, then name\0value\0 pairs ending in \0). */
function startupParameter(message: Uint8Array, name: string): string | null {
  const parts = Buffer.from(message.subarray(8)).toString("utf8").split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === name) return parts[i + 1]!;
  return null;
}
