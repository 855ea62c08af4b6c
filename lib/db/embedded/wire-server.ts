import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import type { HoldReport } from "./hold-report";
import { WireClient } from "./wire-client";
import { cancelWaiting } from "./wire-cancel";
import { closedStatement, parsedName, readyForQuery, startupParameter } from "./wire-messages";
import { askPassword, passwordMatches, refusePassword } from "./wire-password";
import { WireSession } from "./wire-session";
import { answerStartup, readStartupAnswer } from "./wire-startup";

export type { HoldReport } from "./hold-report";

/**
 * Serves one PGlite database to many Postgres wire-protocol clients.
 *
 * PGlite is a single backend session. Why not @electric-sql/pglite-socket: its multiplexer queues clients message
 * by message and keeps a client's turn only inside a transaction, so concurrent Parse/Bind/Execute/Sync batches of
 * two postgres.js connections interleave (one client's Bind lands on another's Parse; "unnamed prepared statement
 * does not exist", or the wrong rows), and one failure can stall its queue for good — upstream
 * https://github.com/electric-sql/pglite/issues/1046 (fix proposed in PR #977, both open). Its releases also pin
 * an exact @electric-sql/pglite peer version, which would hold back our PGlite upgrades.
 * Here each client's messages are grouped into batches that end at Sync or a simple Query (this file), batches run
 * one at a time, and a client keeps the session (others wait) while it is inside a transaction or between Flush
 * and Sync (wire-session.ts). So a transaction holds the session for all of its client's round trips, not only for
 * the database's work: on a busy box that waiting is most of the time (`onHold` reports it per holder,
 * hold-report.ts). A CancelRequest drops a statement still waiting (wire-cancel.ts); a password is checked as
 * PostgreSQL's md5 method does (wire-password.ts). A new connection's startup never waits for the session
 * (wire-startup.ts): only its queries do.
 * One session also means NOTIFY never reaches a LISTEN on another connection: nothing here relies on LISTEN
 * (what waits for other processes polls the database).
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

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
  private readonly clients = new Set<WireClient>();
  private readonly session: WireSession;
  private nextId = 1;
  /** PGlite's answer to a startup, read once (wire-startup.ts). */
  private startupAnswer: Buffer = Buffer.alloc(0);
  port = 0;

  constructor(private readonly options: WireServerOptions) {
    this.session = new WireSession(options);
  }

  async start(): Promise<number> {
    await this.options.db.waitReady;
    this.startupAnswer = await readStartupAnswer(this.options.db);
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
    return this.session.queue.length;
  }

  private accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    const client = new WireClient(this.nextId++, socket);
    this.clients.add(client);
    socket.on("data", (chunk) => this.receive(client, chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      this.clients.delete(client);
      void this.session.drop(client);
    });
  }

  private receive(client: WireClient, chunk: Buffer): void {
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
            answerStartup(client, this.startupAnswer);
          } else {
            askPassword(client, startup);
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
        if (type !== "p" || !passwordMatches(client, this.options.password!, Buffer.from(message.subarray(5)))) return refusePassword(client);
        client.pending = null;
        answerStartup(client, this.startupAnswer);
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
        this.session.enqueue({ client, messages: batch, endsCycle: type !== "H" });
        batch = [];
      }
    }
    // Messages without their Sync yet: keep them until it arrives.
    if (batch.length) {
      const rest = Buffer.concat(batch.map((m) => Buffer.from(m)));
      client.buffer = client.buffer.length ? Buffer.concat([rest, client.buffer]) : rest;
    }
  }

  private cancel(processId: number, secret: number): void {
    const target = [...this.clients].find((c) => c.id === processId && c.secret === secret);
    if (target) cancelWaiting(this.session, target);
  }
}
