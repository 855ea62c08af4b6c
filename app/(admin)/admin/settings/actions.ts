"use server";

import { revalidatePath } from "next/cache";
import { userWithPermission } from "@/lib/auth/guards";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { sendTestMail } from "@/lib/domain/settings/test-mail";
import { SettingsNotAllowedError, settingsInputSchema, updateSpaceSettings } from "@/lib/domain/settings/update-settings";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getLogger } from "@/lib/web/logger";

const CHECKBOXES = ["smtpSecure", "clearSmtpPassword", "machinesDashboardPublic", "inventoryMembersMayView"];

export async function saveSettingsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await userWithPermission("system.admin");
  if (!user) return { ok: false, code: "forbidden", message: t("settings.error.forbidden") };
  const raw: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$") || typeof value !== "string") continue;
    raw[key] = value;
    if (key !== "smtpPassword") values[key] = value;
  }
  for (const box of CHECKBOXES) raw[box] = formData.get(box) === "on";
  const parsed = settingsInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    const labels = fields.map((f) => t(`settings.${f}` as MessageKey));
    return { ok: false, code: "validation", message: t("settings.error.validation", { fields: labels.join(", ") }), values: { ...values, $invalid: fields.join(",") } };
  }
  try {
    await updateSpaceSettings(getDb(), user, parsed.data);
  } catch (error) {
    if (error instanceof SettingsNotAllowedError) return { ok: false, code: "forbidden", message: t("settings.error.forbidden") };
    throw error;
  }
  revalidatePath("/", "layout");
  return { ok: true, message: t("settings.saved") };
}

export async function sendTestMailAction(): Promise<ActionResult> {
  const t = await getT();
  const user = await userWithPermission("system.admin");
  if (!user) return { ok: false, code: "forbidden", message: t("settings.error.forbidden") };
  const settings = await loadSpaceSettings(getDb());
  const result = await sendTestMail(settings, user.email, {
    subject: t("settings.testMail.subject", { space: settings.name }),
    body: t("settings.testMail.body", { space: settings.name }),
  });
  if (result.ok) return { ok: true, message: t("settings.testMail.sent", { to: user.email }) };
  getLogger().warn({ code: result.code, detail: result.detail }, "test mail failed");
  return { ok: false, code: result.code, message: t(`settings.testMail.error.${result.code}`, { detail: result.detail }) };
}
