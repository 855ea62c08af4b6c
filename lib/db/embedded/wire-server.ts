import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { closedStatement, closeStatements, errorResponse, parsedName, readyForQuery, startupParameter, statementText, withBackendKey } from "./wire-messages";

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
 * So a transaction holds the session for all of its client's round trips, not only for the database's work: on a
 * busy box that waiting is most of the time (`onHold` reports it per holder).
 * One session also means NOTIFY never reaches a LISTEN on another connection: nothing here relies on LISTEN
 * (what waits for other processes polls the database).
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

interface Batch {
  client: Client;
  messages: Uint8Array[];
  endsCycle: boolean;
  /** The StartupMessage: its answer gets the client's own BackendKeyData. */
  startup?: boolean;
  /** The server's own work for a client gone (closing its prepared statements): its answer is dropped. */
  internal?: boolean;
}

/** One stretch during which one client had the session to itself (a statement, a transaction, a Flush/Sync cycle). */
export interface HoldReport {
  client: number;
  application: string;
  /** From the start of its first batch to the end of its last. */
  ms: number;
  batches: number;
  /** Of `ms`, the time the session waited on this client between its batches (its round trips) — others waited too. */
  waitedOnClientMs: number;
  /** The first statements, shortened. */
  statements: string[];
  end: "released" | "disconnected" | "idle in transaction timeout";
}

interface Hold {
  since: number;
  batches: number;
  waited: number;
  lastEnd: number;
  statements: string[];
}

class Client {
  buffer: Buffer = Buffer.alloc(0);
  started = false;
  closed = false;
  /** While the password is asked for: the startup message (handed to PGlite once the password is right) and the salt. */
  pending: { startup: Uint8Array; user: string; salt: Buffer } | null = null;
  /** Its half of its BackendKeyData (its process id is its id): a CancelRequest must name both. */
  readonly secret = randomBytes(4).readInt32BE(0);
  application = "";
  /** Named prepared statements it made: they live in the one session, so they are closed when it goes. */
  readonly statements = new Set<string>();
  /** A cancelled Flush-ended batch: the rest of that cycle is dropped and its Sync answered. */
  discardUntilSync = false;
  hold: Hold | null = null;
  timedOut = false;
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
  /**
   * A client that keeps the session (inside a transaction) and sends nothing for this long is terminated with
   * PostgreSQL's idle_in_transaction_session_timeout error (25P03) and its transaction rolled back, so a client
   * that hangs or forgot its transaction cannot stop every other. Default 30 s.
   */
  idleInTransactionTimeoutMs?: number;
  /** Told of every hold when it ends (instrumentation: who held the session, how long, how much of it idle). */
  onHold?: (hold: HoldReport) => void;
}

export class EmbeddedWireServer {
  private server: net.Server | null = null;
  private readonly clients = new Set<Client>();
  private readonly queue: Batch[] = [];
  private holder: Client | null = null;
  private current: Batch | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
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

  /** Batches waiting for the session (tests wait on it as a condition). */
  get waitingBatches(): number {
    return this.queue.length;
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
          // As PostgreSQL: no answer on this connection, the cancelled statement's client hears of it.
          if (length >= 16) this.cancel(buf.readInt32BE(8), buf.readInt32BE(12));
          client.socket.end();
          return;
        } else if (code === PROTOCOL_3) {
          const startup = new Uint8Array(buf.subarray(0, length));
          client.application = startupParameter(startup, "application_name") ?? "";
          if (this.options.password === undefined) {
            client.started = true;
            this.enqueue({ client, messages: [startup], endsCycle: true, startup: true });
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
        this.enqueue({ client, messages: [startup], endsCycle: true, startup: true });
        continue;
      }
      if (type === "X") {
        client.socket.end();
        return;
      }
      if (client.discardUntilSync) {
        if (type === "S") {
          client.discardUntilSync = false;
          client.socket.write(readyForQuery("I"));
        }
        continue;
      }
      if (type === "P" && parsedName(message)) client.statements.add(parsedName(message));
      if (type === "C") client.statements.delete(closedStatement(message) ?? "");
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
    client.pending = null;
    client.closed = true;
    client.socket.end(errorResponse("FATAL", "28P01", `password authentication failed for user "${user}"`));
  }

  /**
   * A CancelRequest. A statement still waiting for the session is dropped and its client answered 57014, as
   * PostgreSQL answers a cancelled one. One that runs cannot be stopped (PGlite runs it to its end inside this
   * thread: the request is only read once it has finished), and a client inside its transaction between
   * statements has nothing running — in both cases nothing happens, as in PostgreSQL when the statement is done.
   */
  private cancel(processId: number, secret: number): void {
    const target = [...this.clients].find((c) => c.id === processId && c.secret === secret);
    if (!target || target === this.holder || this.current?.client === target) return;
    const index = this.queue.findIndex((b) => b.client === target && !b.startup);
    if (index < 0) return;
    const [batch] = this.queue.splice(index, 1);
    target.socket.write(errorResponse("ERROR", "57014", "canceling statement due to user request"));
    if (batch!.endsCycle) return void target.socket.write(readyForQuery("I"));
    // Cancelled after Flush: as after any error, the rest up to the client's Sync is skipped and the Sync answered.
    for (let i = index; i < this.queue.length;) {
      if (this.queue[i]!.client !== target) {
        i++;
        continue;
      }
      const [rest] = this.queue.splice(i, 1);
      if (rest!.endsCycle) return void target.socket.write(readyForQuery("I"));
    }
    target.discardUntilSync = true;
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
        if (!batch || (batch.client.closed && !batch.internal)) continue;
        const client = batch.client;
        this.clearIdleTimer();
        const start = Date.now();
        const hold = (client.hold ??= { since: start, batches: 0, waited: 0, lastEnd: start, statements: [] });
        hold.waited += start - hold.lastEnd;
        this.current = batch;
        await this.execute(batch);
        this.current = null;
        // A client gone while its batch ran: what it left open must not become the next client's transaction.
        if (client.closed && !batch.internal && this.options.db.isInTransaction()) await this.options.db.exec("ROLLBACK").catch(() => {});
        hold.batches++;
        hold.lastEnd = Date.now();
        for (const message of batch.messages) {
          const text = hold.statements.length < 8 ? statementText(message) : null;
          if (text) hold.statements.push(text);
        }
        if (!client.closed && !batch.internal && (this.options.db.isInTransaction() || !batch.endsCycle)) this.keep(client);
        else this.release(client, client.closed ? "disconnected" : "released");
      }
    } finally {
      this.running = false;
    }
  }

  private async execute(batch: Batch): Promise<void> {
    const { socket } = batch.client;
    // The startup answer is rewritten before it leaves (the client's own key); internal work answers nobody.
    const startupAnswer: Buffer[] = [];
    const onRawData = batch.internal
      ? () => {}
      : batch.startup
        ? (data: Uint8Array) => void startupAnswer.push(Buffer.from(data))
        : (data: Uint8Array) => void (socket.writable && socket.write(data));
    for (const message of batch.messages) {
      try {
        await this.options.db.runExclusive(() => this.options.db.execProtocolRawStream(message, { onRawData }));
      } catch {
        if (!batch.internal) socket.destroy();
        return;
      }
    }
    if (batch.startup && socket.writable) socket.write(withBackendKey(Buffer.concat(startupAnswer), batch.client.id, batch.client.secret));
  }

  /** The client keeps the session (inside a transaction, or between Flush and Sync) until it sends more. */
  private keep(client: Client): void {
    this.clearIdleTimer();
    this.holder = client;
    const ms = this.options.idleInTransactionTimeoutMs ?? 30_000;
    this.idleTimer = setTimeout(() => this.terminateIdle(client), ms);
    this.idleTimer.unref();
  }

  private release(client: Client, end: HoldReport["end"]): void {
    if (this.holder === client) this.holder = null;
    const hold = client.hold;
    client.hold = null;
    if (!hold || client.id === 0) return;
    this.options.onHold?.({
      client: client.id,
      application: client.application,
      ms: hold.lastEnd - hold.since,
      batches: hold.batches,
      waitedOnClientMs: hold.waited,
      statements: hold.statements,
      end,
    });
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private terminateIdle(client: Client): void {
    if (this.holder !== client || client.closed) return;
    client.timedOut = true;
    client.socket.end(errorResponse("FATAL", "25P03", "terminating connection due to idle-in-transaction timeout"));
    client.socket.destroy();
  }

  private async drop(client: Client): Promise<void> {
    client.closed = true;
    this.clients.delete(client);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.client === client) this.queue.splice(i, 1);
    if (this.holder === client) {
      this.clearIdleTimer();
      // Wait for a batch of this client still running, then undo what it left open.
      while (this.running) await new Promise((r) => setTimeout(r, 1));
      if (this.options.db.isInTransaction()) await this.options.db.exec("ROLLBACK").catch(() => {});
      this.release(client, client.timedOut ? "idle in transaction timeout" : "disconnected");
    }
    // Its prepared statements would otherwise stay in the session (and its memory) for good.
    if (client.statements.size) {
      const cleanup = new Client(0, client.socket);
      cleanup.closed = true;
      this.queue.push({ client: cleanup, messages: closeStatements(client.statements), endsCycle: true, internal: true });
    }
    void this.pump();
  }
}
