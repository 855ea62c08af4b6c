import type { BoardAccess } from "@/lib/domain/usage/board-access";
import { normalizeAddress } from "@/lib/domain/usage/board-access";
import type { ClientInfo } from "../policy";

/** What the broker knows about one live connection (not about a client id: ids are random and may collide). */
export interface Connection {
  info: ClientInfo;
  /** The TCP peer, normalised (::ffff: stripped). */
  address: string;
  /** Logged in with a machine's credentials: bound to that board id for the connection's life. */
  session: { boardId: number } | "anonymous";
  /** Per board id, what its last `alive` there said: the board it claims to be (a real board has one). */
  identities: Map<number, { identityKey: string; serial: string | null; ip: string | null }>;
  /** Board ids whose reply/command subscriptions were refused (made to reconnect once paired). */
  refusedSubscriptions: Set<number>;
  /** When this connection last caused a pairing request to be written (at most one a minute). */
  lastRequestAt: number;
  /**
   * Its last `alive` is being checked against the database's pairing window (the cached table may predate a window
   * an admin just opened): a request behind it waits for that answer before it is refused.
   */
  pairingCheck?: Promise<void>;
}

/** Every live connection by its Aedes client object. */
export class Connections {
  private readonly byKey = new Map<object, Connection>();

  open(info: ClientInfo): Connection {
    const key = info.key ?? info;
    let connection = this.byKey.get(key);
    if (!connection) {
      connection = {
        info,
        address: normalizeAddress(info.remoteAddress),
        session: "anonymous",
        identities: new Map(),
        refusedSubscriptions: new Set(),
        lastRequestAt: 0,
      };
      this.byKey.set(key, connection);
    }
    return connection;
  }

  get(info: ClientInfo): Connection | undefined {
    return this.byKey.get(info.key ?? info);
  }

  close(info: ClientInfo): void {
    this.byKey.delete(info.key ?? info);
  }

  /** Connections whose subscriptions were refused (few: attackers, or boards waiting to be paired). */
  *withRefusedSubscriptions(): Iterable<Connection> {
    for (const c of this.byKey.values()) if (c.refusedSubscriptions.size > 0) yield c;
  }
}

/**
 * The connection speaks for the machine's own board: logged in with its credentials, or — for a machine without
 * credentials — it announced the paired board's serial (or IP) and comes from the paired board's address.
 */
export function isMachineBoard(connection: Connection, boardId: number, access: BoardAccess | undefined): boolean {
  if (connection.session !== "anonymous") return connection.session.boardId === boardId;
  if (!access || access.requiresCredentials || !access.pairing) return false;
  const identity = connection.identities.get(boardId);
  return identity?.identityKey === access.pairing.identityKey && connection.address === access.pairing.remoteAddress;
}

/** Notes what a connection's `alive` on a board id claims; a handful per connection at most. */
export function noteIdentity(connection: Connection, boardId: number, identity: { identityKey: string; serial: string | null; ip: string | null }): void {
  connection.identities.delete(boardId);
  if (connection.identities.size >= 8) connection.identities.delete(connection.identities.keys().next().value!);
  connection.identities.set(boardId, identity);
}
