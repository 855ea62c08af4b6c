"use server";

import { z } from "zod";
import { addManualIntervention, deletePlan, planInput, savePlan } from "@/lib/domain/machines/maintenance-plans";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { unexplainedRefusal } from "@/lib/web/action-pipeline";
import { int, text } from "@/lib/web/form-data";

// Who may is decided in the domain calls (equipment.manage, audited); the form is read with the domain's plan
// schema, so every field it refuses is named by its label beside it, all at once.
const id = z.number().int().positive();
const labels = {
  everyHours: "mach.plans.every",
  lcdText: "mach.plans.lcdText",
  description: "mach.plans.description",
  instructionsUrl: "mach.plans.instructions",
} as const;
const refusals = (r: { code: string }, t: Translate) =>
  r.code === "forbidden" || r.code === "not_found" ? t(`mach.error.${r.code}`) : unexplainedRefusal(r, t);
const planForm = planInput.extend({ machineId: id });
/** The plan as typed (the domain parses it again: the URL's empty text, not its parsed null). */
const typedPlan = (formData: FormData) => ({
  everyHours: text(formData, "everyHours"),
  lcdText: text(formData, "lcdText"),
  description: text(formData, "description"),
  instructionsUrl: text(formData, "instructionsUrl"),
});
const readPlan = (formData: FormData) => ({
  machineId: int(formData, "machineId"),
  everyHours: text(formData, "everyHours"),
  lcdText: text(formData, "lcdText"),
  description: text(formData, "description"),
  instructionsUrl: text(formData, "instructionsUrl"),
});
const common = { caller: "user", labels, refusals, revalidate: [["/(admin)/admin/equipment/machines/[id]/operations", "page"]] } as const;

export const addPlanAction = defineAction({
  ...common,
  input: planForm,
  read: readPlan,
  async run({ actor, db, t, formData, input: { machineId } }) {
    const saved = await savePlan(db, actor.personId, { machineId, plan: typedPlan(formData) });
    return saved.ok ? { ok: true, message: t("mach.plans.saved") } : saved;
  },
});

/** Edits a plan (every N hours, description, LCD text, link). */
export const updatePlanAction = defineAction({
  ...common,
  input: planForm.extend({ planId: id }),
  read: (formData) => ({ ...readPlan(formData), planId: int(formData, "planId") }),
  async run({ actor, db, t, formData, input: { machineId, planId } }) {
    const saved = await savePlan(db, actor.personId, { machineId, planId, plan: typedPlan(formData) });
    return saved.ok ? { ok: true, message: t("mach.plans.saved") } : saved;
  },
});

export const deletePlanAction = defineAction({
  ...common,
  input: z.object({ planId: id }),
  read: (formData) => ({ planId: int(formData, "planId") }),
  async run({ actor, db, t, input }) {
    const deleted = await deletePlan(db, actor.personId, input);
    return deleted.ok ? { ok: true, message: t("mach.plans.deleted") } : deleted;
  },
});

export const recordDoneAction = defineAction({
  ...common,
  input: z.object({ planId: id, notes: z.string().max(2000) }),
  read: (formData) => ({ planId: int(formData, "planId"), notes: text(formData, "notes") }),
  async run({ actor, db, t, input }) {
    const recorded = await addManualIntervention(db, actor.personId, { planId: input.planId, doneAt: new Date(), notes: input.notes || undefined });
    return recorded.ok ? { ok: true, message: t("mach.plans.recorded") } : recorded;
  },
});
