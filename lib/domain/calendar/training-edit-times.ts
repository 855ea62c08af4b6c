import { and, eq, inArray, max } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

/**
 * When each training session was last edited (time, room, seats), from the audit log, so feeds can send a
 * Last-Modified that moves when a session moves. Sessions never edited are absent.
 */
export async function lastSessionEdits(db: Db, sessionIds: number[]): Promise<Map<number, Date>> {
  if (!sessionIds.length) return new Map();
  const rows = await db
    .select({ id: auditLog.entityId, at: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.changeType, "training_session.update"), inArray(auditLog.entityId, sessionIds.map(String))))
    .groupBy(auditLog.entityId);
  return new Map(rows.filter((r) => r.at).map((r) => [Number(r.id), r.at!]));
}

export const latest = (dates: (Date | null | undefined)[]): Date => dates.reduce<Date>((a, d) => (d && d > a ? d : a), new Date(0));
