import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { interventions, machines, maintenancePlans } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, type Result } from "../usage/result";
import { machineOfPlan, mayRunMachine } from "./machine-owner";

export type PlanFailure = "forbidden" | "invalid" | "not_found";

export const planInput = z.object({
  everyHours: z.coerce.number().int().min(1, "at least 1 hour").max(100_000),
  description: z.string().trim().max(2000).default(""),
  // The board's LCD shows 16 characters a row.
  lcdText: z.string().trim().min(1, "required").max(16, "at most 16 characters (the board's display)"),
  instructionsUrl: z
    .string()
    .trim()
    .max(2000)
    .transform((v) => v || null)
    .pipe(z.url({ protocol: /^https?$/ }).nullable())
    .optional(),
});
export type PlanInput = z.input<typeof planInput>;

const invalid = (error: z.ZodError) => fail("invalid" as const, error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));

/** Creates (no planId) or updates a maintenance plan of a machine (equipment.manage), audited. */
export async function savePlan(
  db: Db,
  actorId: number,
  input: { machineId: number; planId?: number; plan: PlanInput; now?: Date },
): Promise<Result<{ planId: number }, PlanFailure>> {
  if (!(await mayRunMachine(db, actorId, input.machineId, ["equipment.manage"]))) return fail("forbidden", "You may not manage maintenance plans.");
  const parsed = planInput.safeParse(input.plan);
  if (!parsed.success) return invalid(parsed.error);
  const [machine] = await db.select({ id: machines.id }).from(machines).where(eq(machines.id, input.machineId));
  if (!machine) return fail("not_found", "This machine does not exist.");
  const values = { ...parsed.data, instructionsUrl: parsed.data.instructionsUrl ?? null };
  return db.transaction(async (tx) => {
    if (input.planId === undefined) {
      const [row] = await tx
        .insert(maintenancePlans)
        .values({ machineId: machine.id, ...values, createdAt: input.now ?? new Date() })
        .returning();
      await recordAudit(tx, { actorId, changeType: "maintenance_plan.create", entity: "maintenance_plan", entityId: row!.id, after: values });
      return { ok: true as const, planId: row!.id };
    }
    const [before] = await tx
      .select()
      .from(maintenancePlans)
      .where(and(eq(maintenancePlans.id, input.planId), eq(maintenancePlans.machineId, machine.id)));
    if (!before) return fail("not_found", "This plan does not exist.");
    await tx.update(maintenancePlans).set(values).where(eq(maintenancePlans.id, before.id));
    await recordAudit(tx, {
      actorId,
      changeType: "maintenance_plan.update",
      entity: "maintenance_plan",
      entityId: before.id,
      before: { everyHours: before.everyHours, description: before.description, lcdText: before.lcdText, instructionsUrl: before.instructionsUrl },
      after: values,
    });
    return { ok: true as const, planId: before.id };
  });
}

/** A machine's plans as stored (for the edit forms: description and link are not in the hours view). */
export async function plansOfMachine(db: Db, machineId: number) {
  return db.select().from(maintenancePlans).where(eq(maintenancePlans.machineId, machineId)).orderBy(maintenancePlans.id);
}

export async function deletePlan(db: Db, actorId: number, input: { planId: number }): Promise<Result<object, PlanFailure>> {
  if (!(await mayRunMachine(db, actorId, await machineOfPlan(db, input.planId), ["equipment.manage"])))
    return fail("forbidden", "You may not manage maintenance plans.");
  return db.transaction(async (tx) => {
    const [before] = await tx.delete(maintenancePlans).where(eq(maintenancePlans.id, input.planId)).returning();
    if (!before) return fail("not_found", "This plan does not exist.");
    await recordAudit(tx, { actorId, changeType: "maintenance_plan.delete", entity: "maintenance_plan", entityId: before.id, before: { ...before } });
    return { ok: true as const };
  });
}

/** An intervention added by hand (the work was done, the board was not used to record it). */
export async function addManualIntervention(
  db: Db,
  actorId: number,
  input: { planId: number; doneAt: Date; notes?: string },
): Promise<Result<{ interventionId: number }, PlanFailure>> {
  if (!(await mayRunMachine(db, actorId, await machineOfPlan(db, input.planId), ["equipment.manage", "machines.operate"])))
    return fail("forbidden", "You may not record maintenance.");
  if (Number.isNaN(input.doneAt.getTime()) || input.doneAt.getTime() > Date.now() + 60_000) return fail("invalid", "When was it done? Not in the future.");
  const [plan] = await db.select().from(maintenancePlans).where(eq(maintenancePlans.id, input.planId));
  if (!plan) return fail("not_found", "This plan does not exist.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(interventions)
      .values({
        planId: plan.id,
        machineId: plan.machineId,
        personId: actorId,
        doneAt: input.doneAt,
        source: "manual",
        notes: input.notes?.trim().slice(0, 2000) ?? "",
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return fail("invalid", "This intervention is already recorded.");
    await recordAudit(tx, {
      actorId,
      changeType: "intervention.add",
      entity: "intervention",
      entityId: row.id,
      after: { planId: plan.id, doneAt: input.doneAt.toISOString(), notes: row.notes },
    });
    return { ok: true as const, interventionId: row.id };
  });
}
