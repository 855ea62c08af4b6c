"use server";

import { z } from "zod";
import { addManualIntervention, deletePlan, savePlan } from "@/lib/domain/machines/maintenance-plans";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";

// Who may is decided in the domain calls (equipment.manage, audited); the domain validates the plan itself.
const id = z.number().int().positive();
const planLabels = { everyHours: "mach.plans.every", lcdText: "mach.plans.lcdText", description: "mach.plans.description", instructionsUrl: "mach.plans.instructions" } as const;

/** The domain names fields by key ("lcdText: at most 16 characters"); the form shows the field's label instead. */
function refusals(r: { code: string; message: string }, t: Translate): string {
  if (r.code === "forbidden" || r.code === "not_found") return t(`mach.error.${r.code}`);
  const detail = r.message.replace(/\b(everyHours|lcdText|description|instructionsUrl):/g, (_m, key: keyof typeof planLabels) => `${t(planLabels[key])}:`);
  return `${t("mach.error.invalid")}${detail ? ` (${detail})` : ""}`;
}
const planForm = z.object({ machineId: id, everyHours: z.string(), lcdText: z.string(), description: z.string(), instructionsUrl: z.string() });
const readPlan = (formData: FormData) => ({
  machineId: int(formData, "machineId"),
  everyHours: text(formData, "everyHours"),
  lcdText: text(formData, "lcdText"),
  description: text(formData, "description"),
  instructionsUrl: text(formData, "instructionsUrl"),
});
const common = { caller: "user", refusals, revalidate: [["/(admin)/admin/equipment/machines/[id]/operations", "page"]] } as const;

export const addPlanAction = defineAction({
  ...common,
  input: planForm,
  read: readPlan,
  async run({ actor, db, t, input: { machineId, ...plan } }) {
    const saved = await savePlan(db, actor.personId, { machineId, plan });
    return saved.ok ? { ok: true, message: t("mach.plans.saved") } : saved;
  },
});

/** Edits a plan (every N hours, description, LCD text, link). */
export const updatePlanAction = defineAction({
  ...common,
  input: planForm.extend({ planId: id }),
  read: (formData) => ({ ...readPlan(formData), planId: int(formData, "planId") }),
  async run({ actor, db, t, input: { machineId, planId, ...plan } }) {
    const saved = await savePlan(db, actor.personId, { machineId, planId, plan });
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
