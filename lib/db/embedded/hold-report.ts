import { statementText } from "./wire-messages";

/** One stretch during which one client had the session to itself (a statement, a transaction, a Flush/Sync cycle). */
export interface HoldReport {
  client: number;
  application: string;
  /** From the start of its first batch to the end of its last. */
  ms: number;
  batches: number;
  /**
   * How often the session waited for this client's next message (the first included): statements a client sends
   * together, without waiting for each answer (pipelined), are batches of one round trip.
   */
  roundTrips: number;
  /** Of `ms`, the time the session waited on this client between its batches (its round trips) — others waited too. */
  waitedOnClientMs: number;
  /** The first statements, shortened. */
  statements: string[];
  end: "released" | "disconnected" | "idle in transaction timeout";
}

/** A hold in progress: begun by its client's first batch, reported when the client lets the session go. */
export class Hold {
  private batches = 0;
  private roundTrips = 0;
  /** Nothing of the client's was waiting when its last batch ended (or it has none yet): its next is a round trip. */
  private awaitingClient = true;
  private waited = 0;
  private lastEnd: number;
  private readonly statements: string[] = [];

  constructor(private readonly since: number) {
    this.lastEnd = since;
  }

  /** A batch of the holder starts: since its last one ended, the session waited on the client. */
  batchStarts(at: number): void {
    this.waited += at - this.lastEnd;
    if (this.awaitingClient) this.roundTrips++;
    this.awaitingClient = false;
  }

  /** The holder's last batch has ended and nothing more of it has come: the session waits on the client. */
  clientAway(): void {
    this.awaitingClient = true;
  }

  batchEnded(messages: Uint8Array[]): void {
    this.batches++;
    this.lastEnd = Date.now();
    for (const message of messages) {
      const text = this.statements.length < 8 ? statementText(message, 120) : null;
      if (text) this.statements.push(text);
    }
  }

  report(client: number, application: string, end: HoldReport["end"]): HoldReport {
    return {
      client,
      application,
      ms: this.lastEnd - this.since,
      batches: this.batches,
      roundTrips: this.roundTrips,
      waitedOnClientMs: this.waited,
      statements: this.statements,
      end,
    };
  }
}
