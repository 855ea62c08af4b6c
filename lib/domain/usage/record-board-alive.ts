import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/prepared";
import { boards, machinePresence } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { boardText } from "./board-access";

export interface BoardAliveEvent {
  machineId: number;
  clientId?: string | null;
  version?: string | null;
  ip?: string | null;
  serial?: string | null;
  /** The firmware sends a string holding an integer. */
  heap?: string | number | null;
  receivedAt: Date;
}

function heapBytes(value: BoardAliveEvent["heap"]): number | null {
  const n = typeof value === "string" ? Number.parseInt(value, 10) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : null;
}

/**
 * alive: the board's details and last-seen. Telemetry is not audited, except a board appearing on a machine for
 * the first time (a new device at a machine is worth a trace). Applying an older event never moves last-seen back.
 */
export async function recordBoardAlive(db: Db, ev: BoardAliveEvent): Promise<{ firstSeen: boolean }> {
  // What a board sends is text from the network: PostgreSQL refuses a NUL in it, pages show it.
  const serial = boardText(ev.serial);
  const serialKey = serial ?? "";
  const details = {
    clientId: boardText(ev.clientId),
    firmwareVersion: boardText(ev.version, 100),
    ip: boardText(ev.ip),
    serial,
    heap: heapBytes(ev.heap),
  };
  // Every board, every 30 s: prepared statements, and the two writes sent together (lib/db/prepared.ts).
  return inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select({ id: boards.id, lastSeenAt: boards.lastSeenAt })
      .from(boards)
      .where(and(eq(boards.machineId, ev.machineId), eq(boards.serialKey, serialKey)))
      .for("update")
      .prepare("board_of_machine")
      .execute();
    const heard = () =>
      machinesHeard(tx, [{ machineId: ev.machineId, heardAt: ev.receivedAt }])
        .prepare("machine_heard")
        .execute();
    if (existing) {
      const newer = existing.lastSeenAt < ev.receivedAt;
      await Promise.all([
        newer &&
          tx
            .update(boards)
            .set({ ...details, lastSeenAt: ev.receivedAt })
            .where(eq(boards.id, existing.id))
            .prepare("board_alive")
            .execute(),
        heard(),
      ]);
    } else {
      const [row] = await tx
        .insert(boards)
        .values({ machineId: ev.machineId, serialKey, ...details, firstSeenAt: ev.receivedAt, lastSeenAt: ev.receivedAt })
        .returning({ id: boards.id });
      await recordAudit(tx, {
        actorId: null,
        changeType: "board.first_seen",
        entity: "machine",
        entityId: ev.machineId,
        after: { boardId: row!.id, ...details },
      });
      await heard();
    }
    return { firstSeen: !existing };
  });
}

/** Last time anything came from each machine's board, in one statement; never moves backwards. */
export async function recordMachinesHeard(db: Db, heard: { machineId: number; heardAt: Date }[]): Promise<void> {
  if (heard.length === 0) return;
  await machinesHeard(db, heard);
}

// Its text differs with the number of machines: prepared only for one (an alive), not for every count a batch has.
const machinesHeard = (db: Db, heard: { machineId: number; heardAt: Date }[]) =>
  db
    .insert(machinePresence)
    .values(heard.map((h) => ({ machineId: h.machineId, lastHeardAt: h.heardAt })))
    .onConflictDoUpdate({
      target: machinePresence.machineId,
      set: { lastHeardAt: sql`greatest(${machinePresence.lastHeardAt}, excluded.last_heard_at)` },
    });

/** A machine is online if its board was heard from in the last 90 s. */
export const ONLINE_WITHIN_MS = 90_000;

export async function isMachineOnline(db: Db, machineId: number, now = new Date()): Promise<boolean> {
  const [row] = await db.select({ at: machinePresence.lastHeardAt }).from(machinePresence).where(eq(machinePresence.machineId, machineId));
  return !!row && now.getTime() - row.at.getTime() <= ONLINE_WITHIN_MS;
}
