"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteEquipmentType } from "@/lib/domain/equipment/delete-equipment";
import { createEquipmentType, equipmentTypeInput, updateEquipmentType } from "@/lib/domain/equipment/equipment-type-service";
import { addPrerequisite, prerequisiteInput, removePrerequisite } from "@/lib/domain/training/prerequisites";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { refusal, actionContext } from "@/lib/web/equipment-action";
import { checkbox, int, optionalInt, text } from "@/lib/web/form-data";

function typeFrom(formData: FormData) {
  return equipmentTypeInput.safeParse({
    name: text(formData, "name"),
    description: text(formData, "description"),
    purpose: text(formData, "purpose"),
    boardKind: int(formData, "boardKind"),
    noAuthorizationNeeded: checkbox(formData, "noAuthorizationNeeded"),
    validityMonths: optionalInt(formData, "validityMonths"),
    expiresWithoutUseMonths: optionalInt(formData, "expiresWithoutUseMonths"),
  });
}

export async function createEquipmentTypeAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const parsed = typeFrom(formData);
  if (!parsed.success) return refusal(t, "eq", "invalid", formData);
  const result = await createEquipmentType(getDb(), user.personId, parsed.data);
  if (!result.ok) return refusal(t, "eq", result.code, formData);
  revalidatePath("/admin/equipment");
  redirect(`/admin/equipment/types/${result.id}`);
}

export async function updateEquipmentTypeAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const id = int(formData, "id");
  const parsed = typeFrom(formData);
  if (!parsed.success || !Number.isSafeInteger(id)) return refusal(t, "eq", "invalid", formData);
  const result = await updateEquipmentType(getDb(), user.personId, id, parsed.data);
  if (!result.ok) return refusal(t, "eq", result.code, formData);
  revalidatePath("/admin/equipment", "layout");
  return { ok: true, message: t("eq.saved") };
}

export async function addPrerequisiteAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const parsed = prerequisiteInput.safeParse({
    equipmentTypeId: int(formData, "equipmentTypeId"),
    level: text(formData, "level"),
    requiresEquipmentTypeId: int(formData, "requiresEquipmentTypeId"),
    requiresLevel: text(formData, "requiresLevel"),
  });
  if (!parsed.success) return refusal(t, "eq", "invalid", formData);
  const result = await addPrerequisite(getDb(), user.personId, parsed.data);
  if (!result.ok) return refusal(t, "eq", result.code, formData);
  revalidatePath(`/admin/equipment/types/${parsed.data.equipmentTypeId}`);
  return { ok: true, message: t("eq.prereq.added") };
}

export async function removePrerequisiteAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const id = int(formData, "id");
  if (!Number.isSafeInteger(id)) return refusal(t, "eq", "invalid");
  const result = await removePrerequisite(getDb(), user.personId, id);
  if (!result.ok) return refusal(t, "eq", result.code);
  revalidatePath("/admin/equipment", "layout");
  return { ok: true, message: t("eq.prereq.removed") };
}

export async function deleteEquipmentTypeAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const id = int(formData, "id");
  if (!Number.isSafeInteger(id)) return refusal(t, "eq", "invalid");
  const result = await deleteEquipmentType(getDb(), user.personId, id);
  if (!result.ok) return refusal(t, "eq", result.code);
  revalidatePath("/admin/equipment");
  redirect("/admin/equipment");
}
