import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { usageSessions } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, type Result } from "../usage/result";
import { machineOfSession, mayRunMachine } from "./machine-owner";

export type CorrectionFailure = "forbidden" | "invalid" | "not_found" | "open";

/** The correction's rules (the staff form reads its minutes and reason with them). */
export const correction = z.object({
  sessionId: z.number().int().positive(),
  startedAt: z.date(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  reason: z.string().trim().min(3, "say why (at least 3 characters)").max(500),
});

/**
 * Staff (machines.operate or equipment.manage) correct a closed session's start and duration, e.g. a board that
 * was left logged in overnight. The session becomes "manual"; the old values stay in the audit entry.
 */
export async function correctSession(db: Db, actorId: number, input: z.input<typeof correction>): Promise<Result<object, CorrectionFailure>> {
  if (
    !(await mayRunMachine(db, actorId, Number.isSafeInteger(input.sessionId) ? await machineOfSession(db, input.sessionId) : null, [
      "machines.operate",
      "equipment.manage",
    ]))
  )
    return fail("forbidden", "You may not correct usage.");
  const parsed = correction.safeParse(input);
  if (!parsed.success || Number.isNaN(input.startedAt.getTime()))
    return fail("invalid", parsed.success ? "Invalid start time." : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { sessionId, startedAt, durationMinutes, reason } = parsed.data;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(usageSessions).where(eq(usageSessions.id, sessionId)).for("update");
    if (!before) return fail("not_found", "This session does not exist.");
    if (before.endedAt === null) return fail("open", "The session is still running; correct it after it ended.");
    const durationSeconds = durationMinutes * 60;
    const after = {
      startedAt,
      endedAt: new Date(startedAt.getTime() + durationSeconds * 1000),
      durationSeconds,
      recordedAs: "manual" as const,
      endedBecause: "manual" as const,
    };
    await tx.update(usageSessions).set(after).where(eq(usageSessions.id, sessionId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: before.personId,
      changeType: "usage.correct",
      entity: "usage_session",
      entityId: sessionId,
      before: { startedAt: before.startedAt.toISOString(), durationSeconds: before.durationSeconds, recordedAs: before.recordedAs },
      after: { startedAt: startedAt.toISOString(), durationSeconds, recordedAs: "manual", reason },
    });
    return { ok: true as const };
  });
}
