import { randomBytes } from "node:crypto";
import type net from "node:net";
import { NamedStatements, type Hold } from "./hold-report";

/** One wire-protocol connection to the embedded server, and what the server keeps of it. */
export class WireClient {
  buffer: Buffer = Buffer.alloc(0);
  started = false;
  closed = false;
  /** While the password is asked for: the user it names and the salt. */
  pending: { user: string; salt: Buffer } | null = null;
  /** Its half of its BackendKeyData (its process id is its id): a CancelRequest must name both. */
  readonly secret = randomBytes(4).readInt32BE(0);
  application = "";
  /** Named prepared statements it made: they live in the one session, so they are closed when it goes. */
  readonly statements = new Set<string>();
  /** A cancelled Flush-ended batch: the rest of that cycle is dropped and its Sync answered. */
  discardUntilSync = false;
  hold: Hold | null = null;
  /** Its prepared statements' texts by name, for the hold reports (a Bind names a statement, not its text). */
  readonly statementTexts = new NamedStatements();
  timedOut = false;
  constructor(
    readonly id: number,
    readonly socket: net.Socket,
  ) {}
}

/** A client's messages up to a Sync, a simple Query or a Flush: run in the session as one, never interleaved. */
export interface Batch {
  client: WireClient;
  messages: Uint8Array[];
  endsCycle: boolean;
  /** The server's own work for a client gone (closing its prepared statements): its answer is dropped. */
  internal?: boolean;
}
