"use server";

import { z } from "zod";
import { deleteMachine } from "@/lib/domain/equipment/delete-equipment";
import { setMachinePhoto } from "@/lib/domain/equipment/machine-photo";
import { createMachine, machineInput, setMachineBlocked, updateMachine } from "@/lib/domain/equipment/machine-service";
import { MAX_PHOTO_BYTES } from "@/lib/storage/photos";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { defineAction } from "@/lib/web/action";
import { int, optionalInt, text } from "@/lib/web/form-data";

const machineFrom = (formData: FormData) => ({
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
const machineLabels = {
  equipmentTypeId: "eq.machine.type",
  name: "eq.machine.name",
  boardId: "eq.machine.boardId",
  location: "eq.machine.location",
  make: "eq.machine.make",
  model: "eq.machine.model",
  serialNumber: "eq.machine.serialNumber",
  autoLogoffMinutes: "eq.machine.autoLogoffMinutes",
  graceMinutes: "eq.machine.graceMinutes",
} as const;
const id = z.number().int().positive();

export const createMachineAction = defineAction({
  caller: "user",
  input: machineInput,
  read: machineFrom,
  labels: machineLabels,
  refusals: "eq.error",
  revalidate: ["/admin/equipment"],
  async run({ actor, db, input }) {
    const created = await createMachine(db, actor.personId, input);
    return created.ok ? { ok: true, redirect: `/admin/equipment/machines/${created.id}` } : created;
  },
});

export const updateMachineAction = defineAction({
  caller: "user",
  input: machineInput.extend({ id }),
  read: (formData) => ({ ...machineFrom(formData), id: int(formData, "id") }),
  labels: machineLabels,
  refusals: "eq.error",
  revalidate: [["/admin/equipment", "layout"]],
  async run({ actor, db, t, input: { id: machineId, ...input } }) {
    const updated = await updateMachine(db, actor.personId, machineId, input);
    return updated.ok ? { ok: true, message: t("eq.saved") } : updated;
  },
});

export const setMachineBlockedAction = defineAction({
  caller: "user",
  input: z.object({ machineId: id, blocked: z.enum(["1", "0"]), reason: z.string().max(500) }),
  read: (formData) => ({ machineId: int(formData, "machineId"), blocked: text(formData, "blocked"), reason: text(formData, "reason") }),
  labels: { reason: "eq.block.reason" },
  refusals: "eq.error",
  revalidate: [["/admin/equipment", "layout"], "/equipment"],
  async run({ actor, db, t, input }) {
    const blocked = input.blocked === "1";
    const result = await setMachineBlocked(db, actor.personId, { machineId: input.machineId, blocked, reason: input.reason });
    return result.ok ? { ok: true, message: t(blocked ? "eq.block.done" : "eq.unblock.done") } : result;
  },
});

/** The photo is decoded and resized in the domain; a refused file leaves the old photo in place. */
export const uploadMachinePhotoAction = defineAction({
  caller: "user",
  input: z.object({ machineId: id, photo: z.unknown() }),
  read: (formData) => ({ machineId: int(formData, "machineId"), photo: formData.get("photo") }),
  labels: { photo: "eq.photo.file" },
  refusals: "eq.error",
  revalidate: [["/(admin)/admin/equipment/machines/[id]", "page"]],
  async run({ actor, db, t, input }) {
    if (!(input.photo instanceof File) || input.photo.size === 0) return { ok: false, code: "photo_not_image", message: "" };
    if (input.photo.size > MAX_PHOTO_BYTES) return { ok: false, code: "photo_too_large", message: "" };
    const stored = await setMachinePhoto(db, getFileStorage(), actor.personId, input.machineId, Buffer.from(await input.photo.arrayBuffer()));
    return stored.ok ? { ok: true, message: t("eq.photo.done") } : stored;
  },
});

export const deleteMachineAction = defineAction({
  caller: "user",
  input: z.object({ id }),
  read: (formData) => ({ id: int(formData, "id") }),
  refusals: "eq.error",
  revalidate: ["/admin/equipment"],
  async run({ actor, db, input }) {
    const deleted = await deleteMachine(db, actor.personId, input.id);
    return deleted.ok ? { ok: true, redirect: "/admin/equipment" } : deleted;
  },
});
