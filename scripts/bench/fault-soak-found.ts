/** What the soak's database holds (fault-soak.ts): the bench machines' usage sessions, as keys and as recorded. */
import { and, gte, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { machines, usageSessions } from "@/lib/db/schema";
import { BENCH_BOARD_BASE } from "./bench-database";
import { key } from "./fault-soak-records";

export type SoakRecords = Awaited<ReturnType<typeof soakRecords>>;

/** The machines of boards BENCH_BOARD_BASE + 0 … + boards-1, and the sessions recorded on them. */
export async function soakRecords(db: Db, boards: number) {
  const machineOf = new Map(
    (
      await db
        .select({ id: machines.id, boardId: machines.boardId })
        .from(machines)
        .where(
          inArray(
            machines.boardId,
            Array.from({ length: boards }, (_, i) => BENCH_BOARD_BASE + i),
          ),
        )
    ).map((m) => [m.boardId, m.id]),
  );
  const machineIds = [...machineOf.values()];

  /** The sessions started since then, as keys (fault-soak-records.ts). */
  async function foundSince(since: Date): Promise<string[]> {
    const sessions = await db
      .select({ machineId: usageSessions.machineId, uid: usageSessions.cardUid, duration: usageSessions.durationSeconds })
      .from(usageSessions)
      .where(and(gte(usageSessions.startedAt, since), inArray(usageSessions.machineId, machineIds)));
    return sessions.map((s) => key(s.machineId, s.uid, s.duration));
  }

  /** The closed sessions behind extra keys, as recorded (how each began and ended), to tell where a duplicate came from. */
  async function describe(since: Date, extra: Record<string, number>) {
    const rows = await db
      .select()
      .from(usageSessions)
      .where(and(gte(usageSessions.startedAt, since), inArray(usageSessions.machineId, machineIds)));
    return rows
      .filter((r) => r.durationSeconds !== null && extra[key(r.machineId, r.cardUid, r.durationSeconds)])
      .map((r) => ({
        machine: r.machineId,
        duration: r.durationSeconds,
        started: r.startedAt.toISOString().slice(11, 23),
        opened: r.openedByEventAt?.toISOString().slice(11, 23),
        closed: r.closedByEventAt?.toISOString().slice(11, 23),
        as: r.recordedAs,
        ended: r.endedBecause,
        byReplay: r.closedByReplay,
      }));
  }

  /** The machine of a bench board. */
  const machineOfBoard = (boardId: number) => machineOf.get(boardId)!;

  return { machineOfBoard, foundSince, describe };
}
