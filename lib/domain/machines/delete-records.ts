import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { interventions, usageSessions } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { subjectRefusal, type ContainmentCode } from "../access/containment";
import { recordAudit } from "../audit/record-audit";
import { fail, type Result } from "../usage/result";
import { mayRunMachine } from "./machine-owner";

export type DeleteRecordFailure = "forbidden" | "invalid" | "not_found" | "open" | ContainmentCode;

const reasonSchema = z.string().trim().min(3, "say why (at least 3 characters)").max(500);

/** The machine's staff (machines.operate, equipment.manage, its type's owner) or a people admin acting on a data request. */
async function mayDelete(db: Db, actorId: number, machineId: number): Promise<boolean> {
  if ((await permissionsOfPerson(db, actorId)).has("members.write")) return true;
  return mayRunMachine(db, actorId, machineId, ["machines.operate", "equipment.manage"]);
}

/** Who the record is about may not hold a permission the actor lacks (containment), unless it is the actor. */
async function refusalFor(db: Db, actorId: number, personId: number | null) {
  return personId === null ? null : subjectRefusal(db, actorId, personId);
}

/**
 * Deletes one closed usage session (a person asked, or it was recorded by mistake), with a reason for the history.
 * The machine's hours and maintenance counters follow (database triggers). The audit entry keeps when and how long,
 * not the card.
 */
export async function deleteUsageSession(db: Db, actorId: number, sessionId: number, reason: string): Promise<Result<object, DeleteRecordFailure>> {
  const [session] = await db.select().from(usageSessions).where(eq(usageSessions.id, sessionId));
  // Permission before existence: otherwise anyone could probe which sessions exist.
  if (!session || !(await mayDelete(db, actorId, session.machineId)))
    return session ? fail("forbidden", "You may not delete usage.") : fail("not_found", "This session does not exist.");
  const parsed = reasonSchema.safeParse(reason);
  if (!parsed.success) return fail("invalid", `reason: ${parsed.error.issues[0]!.message}`);
  const refused = await refusalFor(db, actorId, session.personId);
  if (refused) return refused;
  return db
    .transaction(async (tx) => {
      const [gone] = await tx.delete(usageSessions).where(eq(usageSessions.id, sessionId)).returning();
      if (!gone) return fail("not_found", "This session does not exist.");
      if (gone.endedAt === null) throw new OpenSession();
      await recordAudit(tx, {
        actorId,
        subjectPersonId: gone.personId,
        changeType: "usage.delete",
        entity: "usage_session",
        entityId: sessionId,
        before: { machineId: gone.machineId, startedAt: gone.startedAt.toISOString(), durationSeconds: gone.durationSeconds },
        after: { reason: parsed.data },
      });
      return { ok: true as const };
    })
    .catch((error: unknown) => {
      if (error instanceof OpenSession) return fail("open", "The session is still running; delete it after it ended.");
      throw error;
    });
}

/** Rolls the delete back: a running session is the board's, not ours to remove. */
class OpenSession extends Error {}

/** Deletes one maintenance intervention (recorded by mistake, or a person asked), with a reason for the history. */
export async function deleteIntervention(db: Db, actorId: number, interventionId: number, reason: string): Promise<Result<object, DeleteRecordFailure>> {
  const [row] = await db.select().from(interventions).where(eq(interventions.id, interventionId));
  if (!row || !(await mayDelete(db, actorId, row.machineId)))
    return row ? fail("forbidden", "You may not delete maintenance records.") : fail("not_found", "This intervention does not exist.");
  const parsed = reasonSchema.safeParse(reason);
  if (!parsed.success) return fail("invalid", `reason: ${parsed.error.issues[0]!.message}`);
  const refused = await refusalFor(db, actorId, row.personId);
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(interventions).where(eq(interventions.id, interventionId)).returning();
    if (!gone) return fail("not_found", "This intervention does not exist.");
    await recordAudit(tx, {
      actorId,
      subjectPersonId: gone.personId,
      changeType: "intervention.delete",
      entity: "intervention",
      entityId: interventionId,
      before: { machineId: gone.machineId, planId: gone.planId, doneAt: gone.doneAt.toISOString() },
      after: { reason: parsed.data },
    });
    return { ok: true as const };
  });
}
