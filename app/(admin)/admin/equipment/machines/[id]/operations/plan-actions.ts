"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { addManualIntervention, deletePlan, savePlan } from "@/lib/domain/machines/maintenance-plans";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { typedValues } from "@/lib/web/form-data";

async function refused(code: string, formData: FormData, detail?: string): Promise<ActionResult> {
  const t = await getT();
  const message = code === "forbidden" ? t("mach.error.forbidden") : code === "not_found" ? t("mach.error.not_found") : `${t("mach.error.invalid")}${detail ? ` (${fieldNames(t, detail)})` : ""}`;
  return { ok: false, code, message, values: typedValues(formData) };
}

/** The domain names fields by key ("lcdText: at most 16 characters"); the form shows the field's label instead. */
function fieldNames(t: Awaited<ReturnType<typeof getT>>, detail: string): string {
  const labels: Record<string, string> = { everyHours: t("mach.plans.every"), lcdText: t("mach.plans.lcdText"), description: t("mach.plans.description"), instructionsUrl: t("mach.plans.instructions") };
  return detail.replace(/\b(everyHours|lcdText|description|instructionsUrl):/g, (_m, key: string) => `${labels[key]}:`);
}

const planFrom = (formData: FormData) => ({ everyHours: String(formData.get("everyHours") ?? ""), lcdText: String(formData.get("lcdText") ?? ""), description: String(formData.get("description") ?? ""), instructionsUrl: String(formData.get("instructionsUrl") ?? "") });

const ids = z.object({ machineId: z.coerce.number().int().positive() });
const path = (machineId: number) => `/admin/equipment/machines/${machineId}/operations`;

export async function addPlanAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return refused("forbidden", formData);
  const parsed = ids.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("invalid", formData);
  const result = await savePlan(getDb(), user.personId, { machineId: parsed.data.machineId, plan: planFrom(formData) });
  if (!result.ok) return refused(result.code, formData, result.message);
  revalidatePath(path(parsed.data.machineId));
  return { ok: true, message: (await getT())("mach.plans.saved") };
}

/** Edits a plan (every N hours, description, LCD text, link); the domain checks equipment.manage and audits. */
export async function updatePlanAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return refused("forbidden", formData);
  const parsed = ids.extend({ planId: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("invalid", formData);
  const result = await savePlan(getDb(), user.personId, { machineId: parsed.data.machineId, planId: parsed.data.planId, plan: planFrom(formData) });
  if (!result.ok) return refused(result.code, formData, result.message);
  revalidatePath(path(parsed.data.machineId));
  return { ok: true, message: (await getT())("mach.plans.saved") };
}

export async function deletePlanAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return refused("forbidden", formData);
  const parsed = ids.extend({ planId: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("invalid", formData);
  const result = await deletePlan(getDb(), user.personId, { planId: parsed.data.planId });
  if (!result.ok) return refused(result.code, formData, result.message);
  revalidatePath(path(parsed.data.machineId));
  return { ok: true, message: (await getT())("mach.plans.deleted") };
}

export async function recordDoneAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return refused("forbidden", formData);
  const parsed = ids.extend({ planId: z.coerce.number().int().positive(), notes: z.string().max(2000).optional() }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("invalid", formData);
  const result = await addManualIntervention(getDb(), user.personId, { planId: parsed.data.planId, doneAt: new Date(), notes: parsed.data.notes });
  if (!result.ok) return refused(result.code, formData, result.message);
  revalidatePath(path(parsed.data.machineId));
  return { ok: true, message: (await getT())("mach.plans.recorded") };
}
