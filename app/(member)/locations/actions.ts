"use server";

import { z } from "zod";
import { createLocation, deleteLocation, locationInput, updateLocation } from "@/lib/domain/inventory/locations";
import { defineAction } from "@/lib/web/action";
import { optionalInt, text } from "@/lib/web/form-data";
import { boundId, inventoryRefusal } from "../things/action-helpers";

const read = (formData: FormData) => ({
  name: text(formData, "name"),
  kind: text(formData, "kind") || undefined,
  description: text(formData, "description"),
  parentId: optionalInt(formData, "parentId"),
});
const labels = { name: "inv.location.name", kind: "inv.location.kind", description: "inv.location.description", parentId: "inv.location.parent" } as const;
const common = {
  caller: "user",
  input: locationInput,
  read,
  labels,
  refusals: inventoryRefusal,
  refusalFields: { location_cycle: "parentId" },
  revalidate: [["/locations", "layout"]],
} as const;

export const createLocationAction = defineAction({
  ...common,
  async run({ actor, db, t, input }) {
    const created = await createLocation(db, actor.personId, input);
    return created.ok ? { ok: true, message: t("inv.location.created", { name: input.name }) } : created;
  },
});

export const updateLocationAction = defineAction({
  ...common,
  bound: boundId,
  async run({ actor, db, t, input }, id) {
    const updated = await updateLocation(db, actor.personId, id, input);
    return updated.ok ? { ok: true, message: t("inv.location.saved") } : updated;
  },
});

export const deleteLocationAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: boundId,
  refusals: inventoryRefusal,
  revalidate: [["/locations", "layout"]],
  async run({ actor, db }, id) {
    const deleted = await deleteLocation(db, actor.personId, id);
    return deleted.ok ? { ok: true, redirect: "/locations" } : deleted;
  },
});
