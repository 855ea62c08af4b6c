"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createSensorToken, revokeSensorToken } from "@/lib/domain/community/sensor-tokens";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { int, text } from "@/lib/web/form-data";

export async function createSensorAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("com.error.forbidden") };
  const name = text(formData, "name");
  const result = await createSensorToken(getDb(), user.personId, name);
  if (!result.ok) {
    const message = result.code === "invalid" ? t("com.error.invalid", { detail: result.message }) : t(`com.error.${result.code}`);
    return { ok: false, code: result.code, message, values: { name } };
  }
  revalidatePath("/admin/sensors");
  return { ok: true, message: t("com.sensors.created", { name: name.trim(), token: result.token }) };
}

export async function revokeSensorAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("com.error.forbidden") };
  const result = await revokeSensorToken(getDb(), user.personId, int(formData, "id"));
  if (!result.ok) return { ok: false, code: result.code, message: t(`com.error.${result.code}`) };
  revalidatePath("/admin/sensors");
  return { ok: true, message: t("com.sensors.revoked") };
}
