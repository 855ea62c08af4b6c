"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteMachine } from "@/lib/domain/equipment/delete-equipment";
import { setMachinePhoto } from "@/lib/domain/equipment/machine-photo";
import { createMachine, machineInput, setMachineBlocked, updateMachine } from "@/lib/domain/equipment/machine-service";
import { MAX_PHOTO_BYTES } from "@/lib/storage/photos";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { actionContext, refusal } from "@/lib/web/equipment-action";
import { int, optionalInt, text } from "@/lib/web/form-data";
import { getFileStorage } from "@/lib/storage/storage-from-env";

function machineFrom(formData: FormData) {
  return machineInput.safeParse({
    equipmentTypeId: int(formData, "equipmentTypeId"),
    name: text(formData, "name"),
    boardId: optionalInt(formData, "boardId"),
    location: text(formData, "location"),
    make: text(formData, "make"),
    model: text(formData, "model"),
    serialNumber: text(formData, "serialNumber"),
    autoLogoffMinutes: int(formData, "autoLogoffMinutes"),
    graceMinutes: int(formData, "graceMinutes"),
  });
}

export async function createMachineAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const parsed = machineFrom(formData);
  if (!parsed.success) return refusal(t, "eq", "invalid", formData);
  const result = await createMachine(getDb(), user.personId, parsed.data);
  if (!result.ok) return refusal(t, "eq", result.code, formData);
  revalidatePath("/admin/equipment");
  redirect(`/admin/equipment/machines/${result.id}`);
}

export async function updateMachineAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const id = int(formData, "id");
  const parsed = machineFrom(formData);
  if (!parsed.success || !Number.isSafeInteger(id)) return refusal(t, "eq", "invalid", formData);
  const result = await updateMachine(getDb(), user.personId, id, parsed.data);
  if (!result.ok) return refusal(t, "eq", result.code, formData);
  revalidatePath("/admin/equipment", "layout");
  return { ok: true, message: t("eq.saved") };
}

const blockSchema = z.object({ machineId: z.number().int().positive(), blocked: z.enum(["1", "0"]), reason: z.string().max(500) });

export async function setMachineBlockedAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const parsed = blockSchema.safeParse({ machineId: int(formData, "machineId"), blocked: text(formData, "blocked"), reason: text(formData, "reason") });
  if (!parsed.success) return refusal(t, "eq", "invalid", formData);
  const blocked = parsed.data.blocked === "1";
  const result = await setMachineBlocked(getDb(), user.personId, { machineId: parsed.data.machineId, blocked, reason: parsed.data.reason });
  if (!result.ok) return refusal(t, "eq", result.code, formData);
  revalidatePath("/admin/equipment", "layout");
  revalidatePath("/equipment");
  return { ok: true, message: t(blocked ? "eq.block.done" : "eq.unblock.done") };
}

/** The photo is decoded and resized in the domain; a refused file leaves the old photo in place. */
export async function uploadMachinePhotoAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const machineId = int(formData, "machineId");
  const file = formData.get("photo");
  if (!Number.isSafeInteger(machineId) || !(file instanceof File) || file.size === 0) return refusal(t, "eq", "photo_not_image");
  if (file.size > MAX_PHOTO_BYTES) return refusal(t, "eq", "photo_too_large");
  const result = await setMachinePhoto(getDb(), getFileStorage(), user.personId, machineId, Buffer.from(await file.arrayBuffer()));
  if (!result.ok) return refusal(t, "eq", result.code);
  revalidatePath(`/admin/equipment/machines/${machineId}`);
  return { ok: true, message: t("eq.photo.done") };
}

export async function deleteMachineAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const id = int(formData, "id");
  if (!Number.isSafeInteger(id)) return refusal(t, "eq", "invalid");
  const result = await deleteMachine(getDb(), user.personId, id);
  if (!result.ok) return refusal(t, "eq", result.code);
  revalidatePath("/admin/equipment");
  redirect("/admin/equipment");
}
