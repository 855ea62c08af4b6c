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
  /** Statements named by a Parse of this hold: their Binds are the same statements, already listed. */
  private parsedHere: string[] | null = null;

  /**
   * `named`: the client's prepared statements' texts by name, kept across its holds (postgres.js names are random per
   * connection) so a statement prepared earlier, sent again as a Bind alone, is listed with its text.
   */
  constructor(
    private readonly since: number,
    private readonly named: NamedStatements = new NamedStatements(),
  ) {
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
      const type = message[0];
      if (type === 0x50) {
        // Parse: its name (empty for an unnamed statement), then its text
        const text = statementText(message, 120);
        const name = cString(message, 5);
        if (name) {
          this.named.set(name, text ?? "");
          (this.parsedHere ??= []).push(name);
        }
        if (text && this.statements.length < 8) this.statements.push(text);
      } else if (type === 0x42) {
        // Bind: the portal's name, then the statement's
        if (this.statements.length >= 8) continue;
        const portalEnd = message.indexOf(0, 5);
        const name = portalEnd < 0 ? "" : cString(message, portalEnd + 1);
        if (name && !this.parsedHere?.includes(name)) this.statements.push(this.named.get(name) ?? name);
      } else if (type === 0x51 && this.statements.length < 8) {
        const text = statementText(message, 120);
        if (text) this.statements.push(text);
      }
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

/** The zero-terminated string at `offset` of a message (empty when it runs past the end). */
function cString(message: Uint8Array, offset: number): string {
  const end = message.indexOf(0, offset);
  return end < 0 ? "" : Buffer.from(message.buffer, message.byteOffset + offset, end - offset).toString("utf8");
}

/** A client's prepared statements' texts by name, at most `max` (the oldest named forgotten first): bounded per connection. */
export class NamedStatements {
  private readonly texts = new Map<string, string>();
  constructor(private readonly max = 64) {}
  set(name: string, text: string): void {
    this.texts.delete(name);
    if (this.texts.size >= this.max) this.texts.delete(this.texts.keys().next().value!);
    this.texts.set(name, text);
  }
  get(name: string): string | undefined {
    return this.texts.get(name);
  }
}
