import type { PGlite } from "@electric-sql/pglite";
import { Hold, type HoldReport } from "./hold-report";
import { WireClient, type Batch } from "./wire-client";
import { closeStatements, errorResponse } from "./wire-messages";

export interface WireSessionOptions {
  db: PGlite;
  /** See WireServerOptions. */
  idleInTransactionTimeoutMs?: number;
  onHold?: (hold: HoldReport) => void;
}

/**
 * PGlite's one backend session, shared by every client: batches run one at a time, in the order they came, and
 * a client keeps the session (others wait) while it is inside a transaction or between Flush and Sync.
 */
export class WireSession {
  /** Batches waiting for the session. */
  readonly queue: Batch[] = [];
  /** The client that keeps the session between its batches. */
  holder: WireClient | null = null;
  /** The batch PGlite runs now. */
  current: Batch | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly o: WireSessionOptions) {}

  enqueue(batch: Batch): void {
    this.queue.push(batch);
    void this.pump();
  }

  /** A client gone: its waiting batches dropped, what it left open rolled back, its prepared statements closed. */
  async drop(client: WireClient): Promise<void> {
    client.closed = true;
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.client === client) this.queue.splice(i, 1);
    if (this.holder === client) {
      this.clearIdleTimer();
      // Wait for a batch of this client still running, then undo what it left open.
      while (this.running) await new Promise((r) => setTimeout(r, 1));
      if (this.o.db.isInTransaction()) await this.o.db.exec("ROLLBACK").catch(() => {});
      this.release(client, client.timedOut ? "idle in transaction timeout" : "disconnected");
    }
    // Its prepared statements would otherwise stay in the session (and its memory) for good.
    if (client.statements.size) {
      const cleanup = new WireClient(0, client.socket);
      cleanup.closed = true;
      this.queue.push({ client: cleanup, messages: closeStatements(client.statements), endsCycle: true, internal: true });
    }
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.holder ? this.queue.findIndex((b) => b.client === this.holder) : 0;
        if (index < 0 || this.queue.length === 0) {
          this.holder?.hold?.clientAway();
          break;
        }
        const [batch] = this.queue.splice(index, 1);
        if (!batch || (batch.client.closed && !batch.internal)) continue;
        const client = batch.client;
        this.clearIdleTimer();
        const start = Date.now();
        const hold = (client.hold ??= new Hold(start, client.statementTexts));
        hold.batchStarts(start);
        this.current = batch;
        await this.execute(batch);
        this.current = null;
        // A client gone while its batch ran: what it left open must not become the next client's transaction.
        if (client.closed && !batch.internal && this.o.db.isInTransaction()) await this.o.db.exec("ROLLBACK").catch(() => {});
        hold.batchEnded(batch.messages);
        if (!client.closed && !batch.internal && (this.o.db.isInTransaction() || !batch.endsCycle)) this.keep(client);
        else this.release(client, client.closed ? "disconnected" : "released");
      }
    } finally {
      this.running = false;
    }
  }

  private async execute(batch: Batch): Promise<void> {
    const { socket } = batch.client;
    // Internal work answers nobody.
    const onRawData = batch.internal ? () => {} : (data: Uint8Array) => void (socket.writable && socket.write(data));
    for (const message of batch.messages) {
      try {
        await this.o.db.runExclusive(() => this.o.db.execProtocolRawStream(message, { onRawData }));
      } catch {
        if (!batch.internal) socket.destroy();
        return;
      }
    }
  }

  /** The client keeps the session (inside a transaction, or between Flush and Sync) until it sends more. */
  private keep(client: WireClient): void {
    this.clearIdleTimer();
    this.holder = client;
    const ms = this.o.idleInTransactionTimeoutMs ?? 30_000;
    this.idleTimer = setTimeout(() => this.terminateIdle(client), ms);
    this.idleTimer.unref();
  }

  private release(client: WireClient, end: HoldReport["end"]): void {
    if (this.holder === client) this.holder = null;
    const hold = client.hold;
    client.hold = null;
    if (!hold || client.id === 0) return;
    this.o.onHold?.(hold.report(client.id, client.application, end));
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private terminateIdle(client: WireClient): void {
    if (this.holder !== client || client.closed) return;
    client.timedOut = true;
    client.socket.end(errorResponse("FATAL", "25P03", "terminating connection due to idle-in-transaction timeout"));
    client.socket.destroy();
  }
}
