"use server";

import { z } from "zod";
import { removeSpaceLogo, setSpaceLogo, MAX_LOGO_BYTES, type LogoResult } from "@/lib/domain/settings/space-logo";
import type { CorsOriginProblem } from "@/lib/domain/settings/cors-origins";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { sendTestMail } from "@/lib/domain/settings/test-mail";
import { DefaultLanguageNotOfferedError, SettingsNotAllowedError, settingsInputSchema, updateSpaceSettings } from "@/lib/domain/settings/update-settings";
import type { Translate } from "@/lib/i18n/translate";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { defineAction } from "@/lib/web/action";
import { textFields } from "@/lib/web/action-pipeline";
import { checkbox } from "@/lib/web/form-data";
import { getLogger } from "@/lib/web/logger";

const CHECKBOXES = ["smtpSecure", "clearSmtpPassword", "machinesDashboardPublic", "inventoryMembersMayView"] as const;
const FIELDS = [
  "name",
  "logoUrl",
  "address",
  "latitude",
  "longitude",
  "timeZone",
  "yearStartMonth",
  "yearStartDay",
  "contactEmail",
  "boardEmail",
  "website",
  "publicUrl",
  "defaultLanguage",
  "languages",
  "mailFrom",
  "smtpHost",
  "smtpPort",
  "smtpUser",
  "smtpPassword",
  "retentionAuditMonths",
  "retentionLoginAttemptsDays",
  "retentionUsageDays",
  "backupKeepDaily",
  "backupKeepWeekly",
  "apiCorsOrigins",
] as const;
const labels = Object.fromEntries(FIELDS.map((f) => [f, `settings.${f}` as const]));
const CORS_PROBLEMS = ["wildcard", "scheme", "path", "notOrigin", "tooMany"] as const satisfies readonly CorsOriginProblem[];

type SettingsRefusal = { ok: false; code: "forbidden" | "not_offered"; message: string; field?: string };
const settingsRefusal = (r: SettingsRefusal, t: Translate) =>
  r.code === "forbidden" ? t("settings.error.forbidden") : t("settings.error.defaultLanguageNotOffered");

export const saveSettingsAction = defineAction({
  caller: "system.admin",
  input: settingsInputSchema,
  read: (formData) => ({
    ...textFields(formData),
    ...Object.fromEntries(CHECKBOXES.map((box) => [box, checkbox(formData, box)])),
    languages: formData.getAll("languages").filter((v) => typeof v === "string"),
  }),
  labels,
  issueMessages: {
    notOffered: "settings.error.defaultLanguageNotOffered",
    ...Object.fromEntries(CORS_PROBLEMS.map((p) => [`corsOrigin.${p}`, `settings.apiCorsOrigins.error.${p}` as const])),
  },
  refusals: settingsRefusal,
  revalidate: [["/", "layout"]],
  async run({ actor, db, t, input }) {
    try {
      await updateSpaceSettings(db, actor, input);
    } catch (error) {
      if (error instanceof SettingsNotAllowedError) return { ok: false, code: "forbidden", message: error.message } satisfies SettingsRefusal;
      // Without languages in the form the saved ones stay, and the default must be one of them.
      if (error instanceof DefaultLanguageNotOfferedError)
        return { ok: false, code: "not_offered", message: error.message, field: "defaultLanguage" } satisfies SettingsRefusal;
      throw error;
    }
    return { ok: true, message: t("settings.saved") };
  },
});

type MailRefusal = { ok: false; code: "not_configured" | "auth" | "connection" | "tls" | "rejected" | "other"; message: string };
export const sendTestMailAction = defineAction({
  caller: "system.admin",
  input: z.object({}),
  refusals: (r: MailRefusal, t) => t(`settings.testMail.error.${r.code}`, { detail: r.message }),
  async run({ actor, db, t }) {
    const settings = await loadSpaceSettings(db);
    const result = await sendTestMail(settings, actor.email, {
      subject: t("settings.testMail.subject", { space: settings.name }),
      body: t("settings.testMail.body", { space: settings.name }),
    });
    if (result.ok) return { ok: true, message: t("settings.testMail.sent", { to: actor.email }) };
    getLogger().warn({ code: result.code, detail: result.detail }, "test mail failed");
    return { ok: false, code: result.code, message: result.detail ?? "" } satisfies MailRefusal;
  },
});

const logoRefusal = (r: Extract<LogoResult, { ok: false }>, t: Translate) =>
  r.code === "forbidden" ? t("settings.error.forbidden") : t(`settings.logo.error.${r.code}`, { mb: MAX_LOGO_BYTES / 1024 / 1024 });

/** The logo form: upload the chosen file, or remove the logo (intent=remove); a refused file leaves the old logo. */
export const logoAction = defineAction({
  caller: "system.admin",
  input: z.object({ intent: z.string(), logo: z.unknown() }),
  read: (formData) => ({ intent: formData.get("intent") === "remove" ? "remove" : "upload", logo: formData.get("logo") }),
  labels: { logo: "settings.logo.file" },
  refusals: logoRefusal,
  revalidate: [["/", "layout"]],
  async run({ actor, db, t, input }) {
    if (input.intent === "remove") {
      const removed = await removeSpaceLogo(db, getFileStorage(), actor);
      return removed.ok ? { ok: true, message: t("settings.logo.removed") } : removed;
    }
    const file = input.logo;
    if (!(file instanceof File) || file.size === 0) return { ok: false, code: "logo_not_image", message: "" } satisfies LogoResult;
    if (file.size > MAX_LOGO_BYTES) return { ok: false, code: "logo_too_large", message: "" } satisfies LogoResult;
    const stored = await setSpaceLogo(db, getFileStorage(), actor, Buffer.from(await file.arrayBuffer()));
    return stored.ok ? { ok: true, message: t("settings.logo.saved") } : stored;
  },
});
