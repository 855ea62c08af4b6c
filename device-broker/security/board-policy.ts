import { createHash, timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { isWindowOpen, type BoardAccess } from "@/lib/domain/usage/board-access";
import { verifyBoardPassword } from "@/lib/domain/usage/board-credentials";
import { limitWarnings } from "../guard/log-limiter";
import type { BrokerMetrics } from "../metrics";
import type { BrokerPolicy, ClientInfo } from "../policy";
import { parseRequest, parseRequestTopic } from "../protocol";
import type { SnapshotData } from "../snapshot/load-snapshot";
import { AccessTableCache, type AccessTable } from "./access-table";
import { Connections, isMachineBoard } from "./connections";
import { LoginThrottle, type LoginThrottleOptions } from "./login-throttle";
import { createPairingGate, PAIRING_CHECK_WAIT_MS, pairingCheckDecided } from "./pairing-gate";

const BOARD_TOPIC = /^machine\/(\d{1,6})\/(reply|request)$/;
const COMMAND_TOPIC = /^machine\/(\d{1,6})\/request$/;

export interface MachinePolicyOptions {
  db: Db;
  logger: Logger;
  metrics?: BrokerMetrics;
  /** Without a snapshot: how long the access table read from the database is trusted (default 5 s). */
  refreshMs?: number;
  /** The decision snapshot: the access table comes from it when it is loaded (else from the database). */
  snapshot?: () => SnapshotData | null;
  throttle?: LoginThrottleOptions;
}

/**
 * Board security (issue 13: the Wi-Fi is not a trust boundary).
 * - A board logging in with a machine's credentials is bound to that machine for its connection.
 * - A machine without credentials trusts its paired board: the connection that announced the paired serial (or
 *   IP) and comes from the paired address. Unpaired boards may announce themselves (`alive`, recorded as a
 *   pairing request, or paired in the window) and ask `checkmachine`; anything else they publish is refused.
 * - Reply/command subscriptions are refused from other addresses once a machine has a paired board; commands
 *   are delivered to the machine's own board only, replies only to the connection that asked (broker.ts).
 * - Nobody but the backend publishes replies or commands; `$SYS` and wildcard subscriptions are refused.
 * argon2 runs only at CONNECT, throttled (login-throttle.ts); a password verified once is recognised again by its
 * SHA-256, so a reconnect or a broker restart costs no argon2 and no flood can keep a real board out.
 */
export function machinePolicy(options: MachinePolicyOptions): BrokerPolicy {
  const { db, metrics } = options;
  const logger = limitWarnings(options.logger);
  const connections = new Connections();
  const table = new AccessTableCache({ db, logger, refreshMs: options.refreshMs, snapshot: options.snapshot, onRefresh: reconnectNewlyPaired });
  const gate = createPairingGate({ db, logger, metrics, table });
  const throttle = new LoginThrottle(options.throttle);
  const verified = new Map<string, { hash: string; digest: Buffer }>();
  const logins = new WeakMap<AccessTable, Map<string, { boardId: number; passwordHash: string }>>();

  function loginOf(access: AccessTable, username: string) {
    let index = logins.get(access);
    if (!index) {
      index = new Map();
      for (const [boardId, entry] of access) if (entry.login) index.set(entry.login.username, { boardId, passwordHash: entry.login.passwordHash });
      logins.set(access, index);
    }
    return index.get(username);
  }

  /** A board refused its subscriptions before it was paired (by an admin, seconds ago): make it reconnect. */
  function reconnectNewlyPaired(access: AccessTable): void {
    for (const connection of connections.withRefusedSubscriptions()) {
      for (const boardId of connection.refusedSubscriptions) {
        if (!isMachineBoard(connection, boardId, access.get(boardId))) continue;
        connection.refusedSubscriptions.clear();
        connection.info.close?.();
        break;
      }
    }
  }

  function refused(what: string, client: ClientInfo, details: Record<string, unknown>): false {
    if (metrics) metrics.refusedUnpaired++;
    logger.warn({ clientId: client.id, remoteAddress: client.remoteAddress, ...details }, what);
    return false;
  }

  return {
    async authenticate(client, username, password) {
      const connection = connections.open(client);
      if (!username) return true;
      const login = loginOf(await table.get(), username);
      if (!login || !password) {
        throttle.failed(connection.address);
        return false;
      }
      const digest = createHash("sha256").update(password).digest();
      const known = verified.get(username);
      if (!(known?.hash === login.passwordHash && timingSafeEqual(known.digest, digest))) {
        if (throttle.isBlocked(connection.address)) return false;
        const ok = await throttle.verify(() => verifyBoardPassword(login.passwordHash, password.toString("utf8")));
        if (ok !== true) {
          if (ok === false) throttle.failed(connection.address);
          if (metrics) metrics.refusedLogins++;
          return false;
        }
        throttle.succeeded(connection.address);
        verified.set(username, { hash: login.passwordHash, digest });
      }
      connection.session = { boardId: login.boardId };
      return true;
    },

    async authorizePublish(client, topic, payload) {
      const target = parseRequestTopic(topic); // machine/<id> only: never a reply, a command or $SYS
      if (!target) return false;
      const connection = connections.open(client);
      if (connection.session !== "anonymous") return connection.session.boardId === target.boardId;
      const access = (await table.get()).get(target.boardId);
      if (!access) return true; // no machine has this id: the board hears "Invalid machine ID"
      if (access.requiresCredentials) return refused("publish refused: the machine's board logs in with credentials", client, { topic });
      const parsed = payload ? parseRequest(payload) : null;
      if (parsed?.ok && parsed.request.action === "alive") {
        gate.heard(connection, target.boardId, access, parsed.request, client.id);
        return true;
      }
      if (isMachineBoard(connection, target.boardId, access)) return true;
      const action = parsed?.ok ? parsed.request.action : parsed?.action;
      if (action === "checkmachine") return true; // unpaired boards may see their machine, nothing more
      // Its alive is still being checked against a pairing window opened moments ago: refused only if not paired by it.
      if (connection.pairingCheck) {
        if (!(await pairingCheckDecided(connection))) {
          return refused("publish refused: the database did not say in time whether the machine's pairing window is open", client, {
            boardId: target.boardId,
            action,
            waitedMs: PAIRING_CHECK_WAIT_MS,
          });
        }
        if (isMachineBoard(connection, target.boardId, (await table.get()).get(target.boardId))) return true;
      }
      return refused("publish from a board that is not paired with the machine refused", client, { boardId: target.boardId, action });
    },

    async authorizeSubscribe(client, topic) {
      const match = BOARD_TOPIC.exec(topic); // no wildcard, no $SYS, no other tree can match
      if (!match) return false;
      const boardId = Number(match[1]);
      const connection = connections.open(client);
      if (connection.session !== "anonymous") return connection.session.boardId === boardId;
      const access: BoardAccess | undefined = (await table.get()).get(boardId);
      if (!access) return true;
      if (access.requiresCredentials) return false;
      if (access.pairing && !isWindowOpen(access.window) && connection.address !== access.pairing.remoteAddress) {
        connection.refusedSubscriptions.add(boardId);
        return refused("subscription refused: the machine's paired board connects from another address", client, { topic });
      }
      return true;
    },

    mayReceiveCommand(client, topic) {
      const match = COMMAND_TOPIC.exec(topic);
      const connection = connections.get(client);
      if (!match || !connection) return false;
      const boardId = Number(match[1]);
      return isMachineBoard(connection, boardId, table.peek()?.get(boardId));
    },

    isTrusted(client, boardId) {
      const connection = connections.get(client);
      return !!connection && isMachineBoard(connection, boardId, table.peek()?.get(boardId));
    },

    disconnected(client) {
      connections.close(client);
    },

    refresh() {
      table.peek(); // rebuilds the table from the new snapshot; boards paired meanwhile are made to reconnect
    },
  };
}
