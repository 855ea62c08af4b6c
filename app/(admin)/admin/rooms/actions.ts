"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { deleteBookable, saveBookable } from "@/lib/domain/calendar/rooms-resources";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

type Kind = "room" | "resource";

export async function saveBookableAction(kind: Kind, id: number | null, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const values = { name: String(formData.get("name") ?? ""), description: String(formData.get("description") ?? ""), machineId: String(formData.get("machineId") ?? "") };
  const result = await saveBookable(getDb(), user.personId, kind, { ...values, machineId: values.machineId || null }, id ?? undefined);
  if (!result.ok) return { ok: false, code: result.code, message: result.code === "forbidden" ? t("evf.error.forbidden") : t("rooms.error", { detail: result.message }), values };
  revalidatePath("/admin/rooms");
  return { ok: true, message: t("rooms.saved") };
}

export async function deleteBookableAction(kind: Kind, id: number, _prev: ActionResult | null): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const result = await deleteBookable(getDb(), user.personId, kind, id);
  if (!result.ok) return { ok: false, code: result.code, message: t("rooms.error", { detail: result.message }) };
  revalidatePath("/admin/rooms");
  return { ok: true, message: t("rooms.deleted") };
}
