import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { boardPairingRequests, boardPairings, machines } from "@/lib/db/schema";
import { isWindowOpen } from "./board-access";
import { MAX_PAIRING_REQUESTS } from "./board-pairing";

export interface PairingRequestRow {
  id: number;
  serial: string | null;
  ip: string | null;
  remoteAddress: string;
  clientId: string | null;
  firmwareVersion: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** Claims the paired board's serial from another address: its address changed — or someone pretends to be it. */
  claimsPairedSerial: boolean;
}

export interface PairingView {
  /** The machine's board logs in with credentials: pairing does not apply. */
  hasCredentials: boolean;
  paired: { serial: string | null; ip: string | null; remoteAddress: string; pairedAt: Date | null; byAdmin: boolean } | null;
  window: { open: boolean; until: Date | null };
  requests: PairingRequestRow[];
  refused: number;
}

/** The operations page's "board pairing" section: the paired board, the window, and who else wants the machine. */
export async function machinePairingView(db: Db, machineId: number, now = new Date()): Promise<PairingView> {
  const [machine] = await db.select({ hash: machines.boardPasswordHash }).from(machines).where(eq(machines.id, machineId));
  const [p] = await db.select().from(boardPairings).where(eq(boardPairings.machineId, machineId));
  const pending = await db
    .select()
    .from(boardPairingRequests)
    .where(and(eq(boardPairingRequests.machineId, machineId), eq(boardPairingRequests.status, "pending")))
    .orderBy(desc(boardPairingRequests.lastSeenAt))
    .limit(MAX_PAIRING_REQUESTS);
  const [refused] = await db
    .select({ n: count() })
    .from(boardPairingRequests)
    .where(and(eq(boardPairingRequests.machineId, machineId), eq(boardPairingRequests.status, "refused")));
  const window = p?.windowOpenedAt ? { openedAt: p.windowOpenedAt, until: p.windowUntil } : null;
  return {
    hasCredentials: !!machine?.hash,
    paired:
      p?.identityKey && p.remoteAddress
        ? { serial: p.serial, ip: p.ip, remoteAddress: p.remoteAddress, pairedAt: p.pairedAt, byAdmin: p.pairedById !== null }
        : null,
    window: { open: isWindowOpen(window, now), until: window?.until ?? null },
    requests: pending.map((r) => ({
      id: r.id,
      serial: r.serial,
      ip: r.ip,
      remoteAddress: r.remoteAddress,
      clientId: r.clientId,
      firmwareVersion: r.firmwareVersion,
      firstSeenAt: r.firstSeenAt,
      lastSeenAt: r.lastSeenAt,
      claimsPairedSerial: !!p?.serial && r.serial === p.serial && r.remoteAddress !== p.remoteAddress,
    })),
    refused: refused?.n ?? 0,
  };
}
