"use server";

import { z } from "zod";
import { deleteEquipmentType } from "@/lib/domain/equipment/delete-equipment";
import { createEquipmentType, equipmentTypeInput, updateEquipmentType } from "@/lib/domain/equipment/equipment-type-service";
import { addPrerequisite, prerequisiteInput, removePrerequisite } from "@/lib/domain/training/prerequisites";
import { defineAction } from "@/lib/web/action";
import { checkbox, int, optionalInt, text } from "@/lib/web/form-data";

const typeFrom = (formData: FormData) => ({
  name: text(formData, "name"),
  description: text(formData, "description"),
  purpose: text(formData, "purpose"),
  boardKind: int(formData, "boardKind"),
  noAuthorizationNeeded: checkbox(formData, "noAuthorizationNeeded"),
  validityMonths: optionalInt(formData, "validityMonths"),
  expiresWithoutUseMonths: optionalInt(formData, "expiresWithoutUseMonths"),
});
const typeLabels = {
  name: "eq.type.name",
  description: "eq.type.description",
  purpose: "eq.type.purpose",
  boardKind: "eq.type.boardKind",
  validityMonths: "eq.type.validityMonths",
  expiresWithoutUseMonths: "eq.type.expiresWithoutUseMonths",
} as const;
const byId = z.object({ id: z.number().int().positive() });
const readId = (formData: FormData) => ({ id: int(formData, "id") });

export const createEquipmentTypeAction = defineAction({
  caller: "user",
  input: equipmentTypeInput,
  read: typeFrom,
  labels: typeLabels,
  refusals: "eq.error",
  revalidate: ["/admin/equipment"],
  async run({ actor, db, input }) {
    const created = await createEquipmentType(db, actor.personId, input);
    return created.ok ? { ok: true, redirect: `/admin/equipment/types/${created.id}` } : created;
  },
});

export const updateEquipmentTypeAction = defineAction({
  caller: "user",
  input: equipmentTypeInput.extend(byId.shape),
  read: (formData) => ({ ...typeFrom(formData), ...readId(formData) }),
  labels: typeLabels,
  refusals: "eq.error",
  revalidate: [["/admin/equipment", "layout"]],
  async run({ actor, db, t, input: { id, ...input } }) {
    const updated = await updateEquipmentType(db, actor.personId, id, input);
    return updated.ok ? { ok: true, message: t("eq.saved") } : updated;
  },
});

export const addPrerequisiteAction = defineAction({
  caller: "user",
  input: prerequisiteInput,
  read: (formData) => ({
    equipmentTypeId: int(formData, "equipmentTypeId"),
    level: text(formData, "level"),
    requiresEquipmentTypeId: int(formData, "requiresEquipmentTypeId"),
    requiresLevel: text(formData, "requiresLevel"),
  }),
  labels: { level: "eq.prereq.level", requiresEquipmentTypeId: "eq.prereq.requiresType", requiresLevel: "eq.prereq.requiresLevel" },
  refusals: "eq.error",
  refusalFields: { requires_itself: "requiresLevel" },
  revalidate: [["/admin/equipment", "layout"]],
  async run({ actor, db, t, input }) {
    const added = await addPrerequisite(db, actor.personId, input);
    return added.ok ? { ok: true, message: t("eq.prereq.added") } : added;
  },
});

export const removePrerequisiteAction = defineAction({
  caller: "user",
  input: byId,
  read: readId,
  refusals: "eq.error",
  revalidate: [["/admin/equipment", "layout"]],
  async run({ actor, db, t, input }) {
    const removed = await removePrerequisite(db, actor.personId, input.id);
    return removed.ok ? { ok: true, message: t("eq.prereq.removed") } : removed;
  },
});

export const deleteEquipmentTypeAction = defineAction({
  caller: "user",
  input: byId,
  read: readId,
  refusals: "eq.error",
  revalidate: ["/admin/equipment"],
  async run({ actor, db, input }) {
    const deleted = await deleteEquipmentType(db, actor.personId, input.id);
    return deleted.ok ? { ok: true, redirect: "/admin/equipment" } : deleted;
  },
});
