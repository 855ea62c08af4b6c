import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { spaceSettings, type SpaceSettingsRow } from "@/lib/db/schema";
import { env, type Env } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locales";
import { applyMessageOverrides } from "@/lib/i18n/overrides";
import { publicUrlFromEnv } from "./public-url";

export type SpaceSettings = Omit<SpaceSettingsRow, "id" | "updatedAt" | "updatedBy" | "publicUrl" | "apiCorsOrigins"> & {
  updatedAt: Date | null;
  publicUrl: string;
  apiCorsOrigins: string[];
};

/** What an installation uses until an admin saves the settings page: the environment's values. */
export function settingsFromEnv(
  env: Pick<Env, "SPACE_NAME" | "SPACE_TIME_ZONE" | "DEFAULT_LANGUAGE" | "MAIL_FROM" | "SMTP_URL"> &
    Partial<
      Pick<Env, "MACHINES_DASHBOARD_PUBLIC" | "INVENTORY_MEMBERS_MAY_VIEW" | "PURGE_USAGE_AFTER_DAYS" | "PUBLIC_URL" | "AUTH_URL" | "PORT" | "API_CORS_ORIGINS">
    >,
): SpaceSettings {
  const smtp = parseSmtpUrl(env.SMTP_URL);
  return {
    name: env.SPACE_NAME,
    logoUrl: null,
    logoKey: null,
    address: null,
    latitude: null,
    longitude: null,
    timeZone: env.SPACE_TIME_ZONE,
    yearStartMonth: 1,
    yearStartDay: 1,
    contactEmail: null,
    boardEmail: null,
    website: null,
    publicUrl: publicUrlFromEnv(env),
    defaultLanguage: env.DEFAULT_LANGUAGE,
    languages: [...LOCALES],
    messageOverrides: {},
    mailFrom: env.MAIL_FROM,
    ...smtp,
    retentionAuditMonths: 120,
    retentionLoginAttemptsDays: 30,
    retentionUsageDays: env.PURGE_USAGE_AFTER_DAYS ?? 365,
    backupKeepDaily: 7,
    backupKeepWeekly: 4,
    // The environment only gives the first value; after a save the settings page decides.
    machinesDashboardPublic: env.MACHINES_DASHBOARD_PUBLIC ?? true,
    inventoryMembersMayView: env.INVENTORY_MEMBERS_MAY_VIEW ?? true,
    apiCorsOrigins: env.API_CORS_ORIGINS ?? [],
    updatedAt: null,
  };
}

function parseSmtpUrl(url: string | undefined) {
  const none = { smtpHost: null, smtpPort: null, smtpSecure: false, smtpUser: null, smtpPassword: null };
  if (!url) return none;
  try {
    const u = new URL(url);
    return {
      smtpHost: u.hostname,
      smtpPort: u.port ? Number(u.port) : u.protocol === "smtps:" ? 465 : 587,
      smtpSecure: u.protocol === "smtps:",
      smtpUser: u.username ? decodeURIComponent(u.username) : null,
      smtpPassword: u.password ? decodeURIComponent(u.password) : null,
    };
  } catch {
    return none;
  }
}

const TTL_MS = 30_000;
// Per handle: the web and the broker are separate processes; another process's change shows after TTL_MS.
const cache = new WeakMap<Db, { value: SpaceSettings; at: number; epoch: number }>();
// Next.js bundles route handlers and pages separately (each with its own copy of this module and its own Db):
// a save bumps this process-wide counter so every copy reloads, not just the one that saved.
const shared = globalThis as unknown as { __spaceSettingsEpoch?: number };
const epoch = () => shared.__spaceSettingsEpoch ?? 0;

/** The settings row, or the environment's defaults; cached briefly because every page title needs it. */
export async function getSpaceSettings(db: Db, defaults: () => SpaceSettings = () => settingsFromEnv(env())): Promise<SpaceSettings> {
  const hit = cache.get(db);
  if (hit && hit.epoch === epoch() && Date.now() - hit.at < TTL_MS) {
    applyMessageOverrides(hit.value.messageOverrides);
    return hit.value;
  }
  const current = epoch();
  const value = await loadSpaceSettings(db, defaults);
  cache.set(db, { value, at: Date.now(), epoch: current });
  return value;
}

export async function loadSpaceSettings(db: Db, defaults: () => SpaceSettings = () => settingsFromEnv(env())): Promise<SpaceSettings> {
  const [row] = await db.select().from(spaceSettings).where(eq(spaceSettings.id, 1));
  const value = row ? fromRow(row, defaults) : defaults();
  // The space's own wording reaches every translator of this process (mails, exports, broker jobs) from here.
  applyMessageOverrides(value.messageOverrides);
  return value;
}

function fromRow(row: SpaceSettingsRow, defaults: () => SpaceSettings): SpaceSettings {
  const { id: _id, updatedBy: _by, publicUrl, apiCorsOrigins, ...rest } = row;
  // Rows saved before a setting existed keep following the environment until the next save.
  return { ...rest, publicUrl: publicUrl ?? defaults().publicUrl, apiCorsOrigins: apiCorsOrigins ?? defaults().apiCorsOrigins };
}

export function invalidateSpaceSettings(db: Db): void {
  cache.delete(db);
  shared.__spaceSettingsEpoch = epoch() + 1;
}

/** "••••1234": enough to recognise which secret is stored, never enough to use it. */
export function maskSecret(secret: string | null | undefined): string {
  if (!secret) return "";
  return `••••${secret.length >= 8 ? secret.slice(-4) : ""}`;
}
