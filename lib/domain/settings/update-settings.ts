import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import type { Db } from "@/lib/db/client";
import { spaceSettings } from "@/lib/db/schema";
import { diffValues, recordAudit } from "@/lib/domain/audit/record-audit";
import { invalidateSpaceSettings, loadSpaceSettings, settingsFromEnv, type SpaceSettings } from "./space-settings";
import { env } from "@/lib/env";
import { isValidTimeZone } from "@/lib/time";
import { MAX_CORS_ORIGINS, parseCorsOrigins } from "./cors-origins";
import { publicUrlSchema } from "./public-url";
import { oneLineName } from "@/lib/domain/shared/one-line-name";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v));
const optionalNumber = (min: number, max: number) => z.union([z.literal(""), z.coerce.number().min(min).max(max)]).transform((v) => (v === "" ? null : v));

/** What the settings form sends. An empty SMTP password keeps the stored one; clearSmtpPassword removes it. */
export const settingsInputSchema = z
  .object({
    name: oneLineName(120),
    // A site path or an http(s) URL; "//host" and "/\\host" are off-site URLs in browsers, so they are refused.
    logoUrl: optionalText(500).refine((v) => v === null || (/^(https?:\/\/|\/)/.test(v) && !/^\/[\/\\]/.test(v)), "url"),
    address: optionalText(500),
    latitude: optionalNumber(-90, 90),
    longitude: optionalNumber(-180, 180),
    timeZone: z.string().trim().refine(isValidTimeZone, "timeZone"),
    yearStartMonth: z.coerce.number().int().min(1).max(12),
    yearStartDay: z.coerce.number().int().min(1).max(31),
    contactEmail: z.union([z.literal(""), z.email().max(320)]).transform((v) => v || null),
    boardEmail: z.union([z.literal(""), z.email().max(320)]).transform((v) => v || null),
    website: optionalText(500).refine((v) => v === null || /^https?:\/\//.test(v), "url"),
    // Absent from older callers: the current value stays.
    publicUrl: publicUrlSchema.optional(),
    defaultLanguage: z.enum(LOCALES),
    // The languages offered (checkboxes, or "en,de" from older callers); absent: the current ones stay.
    languages: z
      .preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(z.enum(LOCALES)).min(1))
      .transform((list) => LOCALES.filter((l) => list.includes(l)))
      .optional(),
    mailFrom: z.string().trim().min(3).max(320),
    smtpHost: optionalText(255),
    smtpPort: optionalNumber(1, 65535),
    smtpSecure: z.boolean(),
    smtpUser: optionalText(255),
    smtpPassword: z.string().max(500),
    clearSmtpPassword: z.boolean(),
    retentionAuditMonths: z.coerce.number().int().min(1).max(1200),
    retentionLoginAttemptsDays: z.coerce.number().int().min(1).max(3650),
    // Absent from older callers: the usual year rather than a refusal.
    retentionUsageDays: z.coerce.number().int().min(30).max(3650).default(365),
    backupKeepDaily: z.coerce.number().int().min(1).max(365),
    backupKeepWeekly: z.coerce.number().int().min(0).max(520),
    // Checkboxes; the action always sends both, other callers may leave them at the usual "yes".
    machinesDashboardPublic: z.boolean().default(true),
    inventoryMembersMayView: z.boolean().default(true),
    // One per line; absent from older callers: the current ones stay. Each refusal names the entry and why.
    apiCorsOrigins: z
      .string()
      .max(5000)
      .transform((text, ctx) => {
        const parsed = parseCorsOrigins(text);
        if (parsed.ok) return parsed.origins;
        ctx.addIssue({ code: "custom", message: `corsOrigin.${parsed.problem}`, params: { entry: parsed.entry, max: MAX_CORS_ORIGINS } });
        return z.NEVER;
      })
      .optional(),
  })
  .refine((v) => new Date(Date.UTC(2001, v.yearStartMonth - 1, v.yearStartDay)).getUTCMonth() === v.yearStartMonth - 1, {
    path: ["yearStartDay"],
    message: "date",
  })
  .refine((v) => !v.languages || v.languages.includes(v.defaultLanguage), { path: ["defaultLanguage"], message: "notOffered" });
export type SettingsInput = z.infer<typeof settingsInputSchema>;

/** Who changes the settings: a person with their permissions, or the system (personId null, e.g. an import). */
export interface SettingsActor {
  personId: number | null;
  permissions: ReadonlySet<string>;
}

export class SettingsNotAllowedError extends Error {}
export class DefaultLanguageNotOfferedError extends Error {}

/** Saves the settings row (created on first save) and records the change; the SMTP password only as "[redacted]". */
export async function updateSpaceSettings(db: Db, actor: SettingsActor, input: SettingsInput): Promise<SpaceSettings> {
  if (actor.personId !== null && !actor.permissions.has("system.admin")) throw new SettingsNotAllowedError("system.admin needed");
  const actorId = actor.personId;
  const saved = await db.transaction(async (tx) => {
    const before = await loadSpaceSettings(tx, () => settingsFromEnv(env()));
    const { clearSmtpPassword, smtpPassword, publicUrl, languages, apiCorsOrigins, ...rest } = input;
    const password = clearSmtpPassword ? null : smtpPassword === "" ? before.smtpPassword : smtpPassword;
    const offered = languages ?? before.languages;
    // A default the space no longer offers would greet visitors in a language the switch does not show.
    if (!offered.includes(input.defaultLanguage)) throw new DefaultLanguageNotOfferedError();
    const values = {
      ...rest,
      languages: offered,
      publicUrl: publicUrl ?? before.publicUrl,
      apiCorsOrigins: apiCorsOrigins ?? before.apiCorsOrigins,
      smtpPassword: password,
      updatedAt: new Date(),
      updatedBy: actorId,
    };
    await tx
      .insert(spaceSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: spaceSettings.id, set: values });
    const after = await loadSpaceSettings(tx);
    const diff = diffValues(forAudit(before), forAudit(after));
    // The audit shows that the password changed, never its value.
    if (before.smtpPassword !== after.smtpPassword) {
      diff.before.smtpPassword = before.smtpPassword ? "[redacted]" : null;
      diff.after.smtpPassword = after.smtpPassword ? "[redacted, changed]" : null;
    }
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(tx, { actorId, changeType: "settings.update", entity: "space_settings", entityId: 1, ...diff });
    }
    return after;
  });
  invalidateSpaceSettings(db);
  return saved;
}

function forAudit(s: SpaceSettings) {
  // The wording has its own audit entries (settings.wording); the settings form does not touch it.
  const { updatedAt: _at, smtpPassword: _secret, messageOverrides: _wording, ...rest } = s;
  return rest as typeof rest & { smtpPassword?: string | null };
}
