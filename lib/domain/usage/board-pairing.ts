import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { boardPairingRequests, boardPairings } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { identityKeyOf, type BoardIdentity } from "./board-access";

/*
 * Board pairing (issue 13): a machine without credentials trusts one board, known by its serial (or IP) and the
 * address it connects from. The broker pairs the first board it hears while the machine's pairing window is open
 * and records every other board as a request an admin pairs or refuses on the machine's operations page.
 */

/** Pending requests kept per machine (newest first); older ones are dropped, so a flood of fake boards stays bounded. */
export const MAX_PAIRING_REQUESTS = 20;

export interface OpenWindowOptions {
  /** Who opened it (audited); null for the system (a new machine, the demo seed, an import). */
  actorId?: number | null;
  /** null or absent: open until the first board is heard. */
  minutes?: number | null;
  now?: Date;
  /** false: the caller audits the change as a whole (an import). */
  audit?: boolean;
}

/**
 * Opens a machine's pairing window: the first board heard on its topic is then paired automatically (and
 * replaces the board paired before). No permission check — for trusted callers: machine creation, the seed,
 * the Fab-O-Matic import. Admins go through reopenPairingWindow.
 */
export async function openPairingWindow(db: Db, machineId: number, options: OpenWindowOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const until = options.minutes ? new Date(now.getTime() + options.minutes * 60_000) : null;
  await db
    .insert(boardPairings)
    .values({ machineId, windowOpenedAt: now, windowUntil: until })
    .onConflictDoUpdate({ target: boardPairings.machineId, set: { windowOpenedAt: now, windowUntil: until } });
  if (options.audit === false) return;
  await recordAudit(db, {
    actorId: options.actorId ?? null,
    changeType: "board.pairing_window.open",
    entity: "machine",
    entityId: machineId,
    after: { until: until?.toISOString() ?? "first board" },
  });
}

export interface HeardBoard extends BoardIdentity {
  clientId?: string | null;
  firmwareVersion?: string | null;
}

/** The columns of a pairing with this board (closing the window). */
export const pairedValues = (board: BoardIdentity, now: Date, byId: number | null) => ({
  identityKey: identityKeyOf(board.serial, board.ip),
  serial: board.serial,
  ip: board.ip,
  remoteAddress: board.remoteAddress,
  pairedAt: now,
  pairedById: byId,
  windowOpenedAt: null,
  windowUntil: null,
});

/**
 * The broker heard a board that is not paired while the window may be open: pairs it if the window is still open
 * (closing it), in one transaction. false: the window had closed meanwhile (the board stays unpaired).
 */
export async function pairBoardInWindow(db: Db, machineId: number, board: HeardBoard, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(boardPairings).where(eq(boardPairings.machineId, machineId)).for("update");
    if (!row?.windowOpenedAt || (row.windowUntil && row.windowUntil <= now)) return false;
    const after = pairedValues(board, now, null);
    await tx.update(boardPairings).set(after).where(eq(boardPairings.machineId, machineId));
    await tx
      .delete(boardPairingRequests)
      .where(
        and(
          eq(boardPairingRequests.machineId, machineId),
          eq(boardPairingRequests.identityKey, after.identityKey),
          eq(boardPairingRequests.remoteAddress, board.remoteAddress),
        ),
      );
    await recordAudit(tx, {
      actorId: null,
      changeType: "board.paired",
      entity: "machine",
      entityId: machineId,
      before: { serial: row.serial, ip: row.ip, remoteAddress: row.remoteAddress },
      after: { serial: board.serial, ip: board.ip, remoteAddress: board.remoteAddress, clientId: board.clientId ?? null, how: "pairing window" },
    });
    return true;
  });
}

/**
 * An unpaired board reported on a machine's topic: kept as a request for an admin (seen again: its last-seen
 * moves; refused: stays refused). At most MAX_PAIRING_REQUESTS pending per machine, the oldest dropped. Not
 * audited: anyone on the Wi-Fi can cause one.
 */
export async function recordPairingRequest(db: Db, machineId: number, board: HeardBoard, now = new Date()): Promise<void> {
  const identityKey = identityKeyOf(board.serial, board.ip);
  await db
    .insert(boardPairingRequests)
    .values({
      machineId,
      identityKey,
      serial: board.serial,
      ip: board.ip,
      remoteAddress: board.remoteAddress,
      clientId: board.clientId ?? null,
      firmwareVersion: board.firmwareVersion ?? null,
      firstSeenAt: now,
      lastSeenAt: now,
    })
    .onConflictDoUpdate({
      target: [boardPairingRequests.machineId, boardPairingRequests.identityKey, boardPairingRequests.remoteAddress],
      set: {
        lastSeenAt: sql`greatest(${boardPairingRequests.lastSeenAt}, excluded.last_seen_at)`,
        clientId: sql`excluded.client_id`,
        firmwareVersion: sql`excluded.firmware_version`,
      },
    });
  const keep = db
    .select({ id: boardPairingRequests.id })
    .from(boardPairingRequests)
    .where(and(eq(boardPairingRequests.machineId, machineId), eq(boardPairingRequests.status, "pending")))
    .orderBy(desc(boardPairingRequests.lastSeenAt), desc(boardPairingRequests.id))
    .limit(MAX_PAIRING_REQUESTS);
  await db
    .delete(boardPairingRequests)
    .where(and(eq(boardPairingRequests.machineId, machineId), eq(boardPairingRequests.status, "pending"), notInArray(boardPairingRequests.id, keep)));
}
