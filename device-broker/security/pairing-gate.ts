import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { boardText, identityKeyOf, isWindowOpen, pairingWindowOf, type BoardAccess } from "@/lib/domain/usage/board-access";
import { pairBoardInWindow, recordPairingRequest, type HeardBoard } from "@/lib/domain/usage/board-pairing";
import type { BrokerMetrics } from "../metrics";
import type { RequestOf } from "../protocol";
import type { AccessTableCache } from "./access-table";
import { isMachineBoard, noteIdentity, type Connection } from "./connections";

export interface PairingGateOptions {
  db: Db;
  /** Rate-limited per client for warnings. */
  logger: Logger;
  metrics?: BrokerMetrics;
  table: AccessTableCache;
}

/**
 * How long a publish behind an `alive` still being checked against the database's pairing window waits for that
 * answer (the board waits 2 s for its reply, and the request must still be handled). Past it the publish is refused
 * as from an unpaired board — MQTT 3.1.1 refuses a QoS 0 publish by closing the connection — and the board reconnects;
 * the answer, when it comes, pairs the board (in the window) for its next connection. Without a bound one slow
 * database answer held every later publish of the connection, which are judged in order (aedes-hooks.ts).
 */
export const PAIRING_CHECK_WAIT_MS = 1_000;

/** Whether the connection's pairing check (if any) was decided within PAIRING_CHECK_WAIT_MS. */
export async function pairingCheckDecided(connection: Connection, ms = PAIRING_CHECK_WAIT_MS): Promise<boolean> {
  const check = connection.pairingCheck;
  if (!check) return true;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([check.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A connection writes at most one pairing request a minute. */
const REQUEST_EVERY_MS = 60_000;

/**
 * What an `alive` means for pairing. It tells which board the connection claims to be; the claim counts only
 * together with the address it comes from. In the machine's pairing window the first board heard is paired at
 * once (in memory now, in the database right after); otherwise an unknown board becomes a request for an admin.
 */
export function createPairingGate(o: PairingGateOptions) {
  /** Pairing-window questions to the database in flight, per board id. */
  const windowChecks = new Map<number, Promise<Awaited<ReturnType<typeof pairingWindowOf>> | null>>();
  /** Window pairings not yet in the database (it is down): retried until saved or the window turns out closed. */
  const unsaved = new Map<number, { machineId: number; board: HeardBoard; at: Date }>();
  let retry: NodeJS.Timeout | null = null;

  function save(boardId: number): void {
    const pending = unsaved.get(boardId);
    if (!pending) return;
    pairBoardInWindow(o.db, pending.machineId, pending.board, pending.at)
      .then((paired) => {
        if (unsaved.get(boardId) === pending) unsaved.delete(boardId);
        if (paired) o.table.savedLocally(boardId);
        else {
          o.table.forgetLocal(boardId);
          o.logger.warn({ boardId, machineId: pending.machineId }, "pairing window closed before the board was paired; it stays unpaired");
        }
        o.table.expire();
      })
      .catch((error: unknown) => {
        // Database away: the pairing holds in memory and is saved once it is back.
        o.logger.warn({ err: error, boardId }, "board pairing not saved yet; retrying");
        retry ??= setTimeout(() => {
          retry = null;
          for (const id of unsaved.keys()) save(id);
        }, 5_000);
        retry.unref();
      });
  }

  function pairNow(connection: Connection, boardId: number, access: BoardAccess, board: HeardBoard): void {
    const identityKey = connection.identities.get(boardId)!.identityKey;
    o.table.pairLocally(boardId, { identityKey, remoteAddress: connection.address });
    if (o.metrics) o.metrics.pairedInWindow++;
    o.logger.info({ boardId, machineId: access.machineId, ...board }, "board paired in the machine's pairing window");
    // Its reply/command subscriptions were refused before the window opened: reconnecting makes it subscribe again.
    if (connection.refusedSubscriptions.delete(boardId)) connection.info.close?.();
    unsaved.set(boardId, { machineId: access.machineId, board, at: new Date() });
    save(boardId);
  }

  return {
    /** An `alive` on machine/<boardId> from this connection (authorised to speak for the machine's topic). */
    heard(connection: Connection, boardId: number, access: BoardAccess | undefined, alive: RequestOf<"alive">, clientId: string): void {
      const serial = boardText(alive.serial);
      const ip = boardText(alive.ip);
      // Once a connection proved to be the machine's board it stays so for its life (like a login at CONNECT).
      if (isMachineBoard(connection, boardId, access)) return;
      noteIdentity(connection, boardId, { identityKey: identityKeyOf(serial, ip), serial, ip });
      if (!access || access.requiresCredentials || connection.session !== "anonymous") return;
      if (isMachineBoard(connection, boardId, access)) return;
      const board = { serial, ip, remoteAddress: connection.address, clientId: boardText(clientId), firmwareVersion: boardText(alive.version, 100) };
      if (isWindowOpen(access.window)) return pairNow(connection, boardId, access, board);
      const now = Date.now();
      if (now - connection.lastRequestAt < REQUEST_EVERY_MS) return;
      connection.lastRequestAt = now;
      // The cached table may predate a window an admin opened seconds ago: the database says whether it is open
      // now (once a minute per connection at most, as the request it would otherwise become). One question per board
      // id at a time: a board refused while it was pending (see PAIRING_CHECK_WAIT_MS) reconnects and waits for it.
      let window = windowChecks.get(boardId);
      if (!window) {
        const asked = pairingWindowOf(o.db, access.machineId).catch(() => null);
        windowChecks.set(boardId, (window = asked));
        void asked.finally(() => windowChecks.get(boardId) === asked && windowChecks.delete(boardId));
      }
      const decided: Promise<void> = window
        .then(async (window) => {
          if (window && isWindowOpen(window)) {
            if (!o.table.pairedLocallySince(boardId, window.openedAt)) {
              o.table.expire();
              return pairNow(connection, boardId, { ...access, window }, board);
            }
            // Paired by this very answer on the board's earlier connection (refused while it waited): this is it.
            if (isMachineBoard(connection, boardId, (await o.table.get()).get(boardId))) return;
          }
          if (o.metrics) o.metrics.pairingRequests++;
          o.logger.warn(
            { boardId, machineId: access.machineId, ...board },
            "a board that is not paired with this machine reported; pair or refuse it on the machine's operations page",
          );
          recordPairingRequest(o.db, access.machineId, board).catch((error: unknown) => o.logger.warn({ err: error, boardId }, "pairing request not recorded"));
        })
        .catch((error: unknown) => o.logger.warn({ err: error, boardId }, "pairing window not checked"))
        .finally(() => {
          if (connection.pairingCheck === decided) connection.pairingCheck = undefined;
        });
      // A request this connection sends next waits for this decision (paired or not) before it is refused.
      connection.pairingCheck = decided;
    },
  };
}
