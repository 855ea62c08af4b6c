import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { boardPairings, machines } from "@/lib/db/schema";

/**
 * Who a board is, as far as the network lets us tell: what its `alive` says (the serial — on ESP32 its Wi-Fi
 * MAC — or for old firmware without one, the IP it reports) and the address its connection comes from. The
 * random client id (`BOARD<0-999>`, new at every boot) is not part of it.
 */
export interface BoardIdentity {
  serial: string | null;
  ip: string | null;
  remoteAddress: string;
}

// Control characters, U+FFFD, and surrogates without their other half.
const UNFIT = /[\u0000-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A text a board reported, fit for the database and a page: NUL and other control characters and lone
 * surrogates removed (PostgreSQL refuses NUL in text), trimmed, at most `max` characters; null when empty.
 */
export function boardText(value: string | null | undefined, max = 64): string | null {
  if (typeof value !== "string") return null;
  const clean = value.replace(UNFIT, "").trim();
  return clean ? Array.from(clean).slice(0, max).join("") : null;
}

/** The half of the identity the board reports: "serial:<serial>", else "ip:<ip>" (old firmware). */
export function identityKeyOf(serial: string | null | undefined, ip: string | null | undefined): string {
  const s = boardText(serial);
  return s ? `serial:${s}` : `ip:${boardText(ip) ?? ""}`;
}

/** An IPv4 peer on a dual-stack socket reads "::ffff:192.168.1.5"; the pairing stores "192.168.1.5". */
export function normalizeAddress(address: string | undefined | null): string {
  if (!address) return "";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

export interface PairingWindow {
  openedAt: Date;
  /** null: open until the first board is heard. */
  until: Date | null;
}

export function isWindowOpen(window: PairingWindow | null, now = new Date()): boolean {
  return window !== null && (window.until === null || window.until > now);
}

/** Per board id, what the broker decides on: credentials, the paired board, the pairing window. */
export interface BoardAccess {
  machineId: number;
  /** The machine has a board login: only a board presenting it may speak for the machine. */
  requiresCredentials: boolean;
  /** The login itself (username, argon2 hash), so the broker checks a CONNECT without a database round trip. */
  login: { username: string; passwordHash: string } | null;
  pairing: { identityKey: string; remoteAddress: string } | null;
  window: PairingWindow | null;
}

/** Read by the broker's policy (every few seconds). Machines without a board id cannot be reached by a board. */
export async function boardAccessTable(db: Db): Promise<Map<number, BoardAccess>> {
  const rows = await db
    .select({ machineId: machines.id, boardId: machines.boardId, username: machines.boardUsername, hash: machines.boardPasswordHash, p: boardPairings })
    .from(machines)
    .leftJoin(boardPairings, eq(boardPairings.machineId, machines.id))
    .orderBy(machines.id);
  const table = new Map<number, BoardAccess>();
  for (const r of rows) {
    // As the request path (limit 1 on board_id): the first machine with a board id wins.
    if (r.boardId === null || table.has(r.boardId)) continue;
    table.set(r.boardId, {
      machineId: r.machineId,
      requiresCredentials: r.hash !== null,
      login: r.username && r.hash ? { username: r.username, passwordHash: r.hash } : null,
      pairing: r.p?.identityKey && r.p.remoteAddress ? { identityKey: r.p.identityKey, remoteAddress: r.p.remoteAddress } : null,
      window: r.p?.windowOpenedAt ? { openedAt: r.p.windowOpenedAt, until: r.p.windowUntil } : null,
    });
  }
  return table;
}

/**
 * One machine's pairing window as saved now: the broker asks before it calls an unknown board a stranger, since
 * its cached table may predate a window an admin opened a moment ago.
 */
export async function pairingWindowOf(db: Db, machineId: number): Promise<PairingWindow | null> {
  const [row] = await db
    .select({ openedAt: boardPairings.windowOpenedAt, until: boardPairings.windowUntil })
    .from(boardPairings)
    .where(eq(boardPairings.machineId, machineId));
  return row?.openedAt ? { openedAt: row.openedAt, until: row.until } : null;
}
