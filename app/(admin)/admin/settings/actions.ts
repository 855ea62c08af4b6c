"use server";

import { revalidatePath } from "next/cache";
import { userWithPermission } from "@/lib/auth/guards";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { removeSpaceLogo, setSpaceLogo, MAX_LOGO_BYTES, type LogoResult } from "@/lib/domain/settings/space-logo";
import { sendTestMail } from "@/lib/domain/settings/test-mail";
import { DefaultLanguageNotOfferedError, SettingsNotAllowedError, settingsInputSchema, updateSpaceSettings } from "@/lib/domain/settings/update-settings";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getFileStorage } from "@/lib/storage/storage-from-env";
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
  raw.languages = formData.getAll("languages").filter((v) => typeof v === "string");
  values.languages = (raw.languages as string[]).join(",");
  const parsed = settingsInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    if (parsed.error.issues.some((i) => i.message === "notOffered"))
      return { ok: false, code: "validation", message: t("settings.error.defaultLanguageNotOffered"), values: { ...values, $invalid: fields.join(",") } };
    const labels = fields.map((f) => t(`settings.${f}` as MessageKey));
    return { ok: false, code: "validation", message: t("settings.error.validation", { fields: labels.join(", ") }), values: { ...values, $invalid: fields.join(",") } };
  }
  try {
    await updateSpaceSettings(getDb(), user, parsed.data);
  } catch (error) {
    if (error instanceof SettingsNotAllowedError) return { ok: false, code: "forbidden", message: t("settings.error.forbidden") };
    if (error instanceof DefaultLanguageNotOfferedError)
      return { ok: false, code: "validation", message: t("settings.error.defaultLanguageNotOffered"), values: { ...values, $invalid: "defaultLanguage" } };
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

function logoOutcome(t: Awaited<ReturnType<typeof getT>>, result: LogoResult, done: MessageKey): ActionResult {
  if (result.ok) {
    revalidatePath("/", "layout");
    return { ok: true, message: t(done) };
  }
  if (result.code === "forbidden") return { ok: false, code: "forbidden", message: t("settings.error.forbidden") };
  return { ok: false, code: result.code, message: t(`settings.logo.error.${result.code}`, { mb: MAX_LOGO_BYTES / 1024 / 1024 }) };
}

/** The logo form: upload the chosen file, or remove the logo (intent=remove). */
export async function logoAction(previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return formData.get("intent") === "remove" ? removeLogoAction() : uploadLogoAction(previous, formData);
}

export async function uploadLogoAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await userWithPermission("system.admin");
  if (!user) return { ok: false, code: "forbidden", message: t("settings.error.forbidden") };
  const file = formData.get("logo");
  if (!(file instanceof File) || file.size === 0) return { ok: false, code: "logo_not_image", message: t("settings.logo.error.logo_not_image") };
  if (file.size > MAX_LOGO_BYTES) return logoOutcome(t, { ok: false, code: "logo_too_large", message: "" }, "settings.logo.saved");
  const result = await setSpaceLogo(getDb(), getFileStorage(), user, Buffer.from(await file.arrayBuffer()));
  return logoOutcome(t, result, "settings.logo.saved");
}

export async function removeLogoAction(): Promise<ActionResult> {
  const t = await getT();
  const user = await userWithPermission("system.admin");
  if (!user) return { ok: false, code: "forbidden", message: t("settings.error.forbidden") };
  return logoOutcome(t, await removeSpaceLogo(getDb(), getFileStorage(), user), "settings.logo.removed");
}
