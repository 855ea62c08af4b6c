"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { redirect } from "next/navigation";
import { createLocation, deleteLocation, LOCATION_KINDS, updateLocation, type LocationInput } from "@/lib/domain/inventory/locations";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { failed, optionalId, textValues } from "../things/action-helpers";

type State = ActionResult | null;

function inputFrom(values: Record<string, string>): LocationInput {
  const kind = (LOCATION_KINDS as readonly string[]).includes(values.kind ?? "") ? (values.kind as LocationInput["kind"]) : "box";
  return { name: values.name ?? "", kind, description: values.description ?? "", parentId: optionalId(values.parentId) };
}

export async function createLocationAction(_prev: State, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("inv.error.forbidden") };
  const values = textValues(formData);
  const result = await createLocation(getDb(), user.personId, inputFrom(values));
  if (!result.ok) return failed(t, result, values);
  revalidatePath("/locations", "layout");
  return { ok: true, message: t("inv.location.created", { name: values.name ?? "" }) };
}

export async function updateLocationAction(id: number, _prev: State, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("inv.error.forbidden") };
  const values = textValues(formData);
  const result = await updateLocation(getDb(), user.personId, id, inputFrom(values));
  if (!result.ok) return failed(t, result, values);
  revalidatePath("/locations", "layout");
  return { ok: true, message: t("inv.location.saved") };
}

export async function deleteLocationAction(id: number, _prev: State): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("inv.error.forbidden") };
  const result = await deleteLocation(getDb(), user.personId, id);
  if (!result.ok) return failed(t, result);
  revalidatePath("/locations", "layout");
  redirect("/locations");
}
