import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { spaceSettings, type SpaceSettingsRow } from "@/lib/db/schema";
import { env, type Env } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locales";
import { applyMessageOverrides } from "@/lib/i18n/overrides";
import { publicUrlFromEnv } from "./public-url";
import { currentSettingsVersion, forgetSettingsVersions, noteSettingsVersion } from "./settings-version";

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

// Per handle, process-wide (globalThis): Next.js bundles route handlers, pages and actions separately (each with its
// own copy of this module), and a save through one copy must reach every copy. Kept per settings version
// (settings-version.ts), so a save in another process (the broker, another web instance) shows at the next check.
const shared = globalThis as unknown as { __spaceSettingsCache?: WeakMap<Db, { value: SpaceSettings; version: string }> };
const cache = (shared.__spaceSettingsCache ??= new WeakMap());

/** The settings row, or the environment's defaults; kept per settings version because every page title needs it. */
export async function getSpaceSettings(db: Db, defaults: () => SpaceSettings = () => settingsFromEnv(env())): Promise<SpaceSettings> {
  const hit = cache.get(db);
  // Nothing kept (a transaction's handle, a cold start): one statement reads the settings and their version.
  if (hit && hit.version === (await currentSettingsVersion(db))) {
    applyMessageOverrides(hit.value.messageOverrides);
    return hit.value;
  }
  return loadSpaceSettings(db, defaults);
}

/** The copy kept for `db` (whatever its version), or undefined: what a page shows while the database cannot be asked. */
export function keptSpaceSettings(db: Db): SpaceSettings | undefined {
  return cache.get(db)?.value;
}

/** The settings as the database has them now (no copy consulted); the copy kept for `db` is brought up to date. */
export async function loadSpaceSettings(db: Db, defaults: () => SpaceSettings = () => settingsFromEnv(env())): Promise<SpaceSettings> {
  // One round trip: the version row always exists (database code), the settings row only after the first save.
  const [read] = await db
    .select({ version: sql<string>`v.version::text`, row: spaceSettings })
    .from(sql`ms_internal.settings_version v`)
    .leftJoin(spaceSettings, eq(spaceSettings.id, 1));
  const value = read?.row ? fromRow(read.row, defaults) : defaults();
  if (read) {
    noteSettingsVersion(db, read.version);
    cache.set(db, { value, version: read.version });
  }
  // The space's own wording reaches every translator of this process (mails, exports, broker jobs) from here.
  applyMessageOverrides(value.messageOverrides);
  return value;
}

function fromRow(row: SpaceSettingsRow, defaults: () => SpaceSettings): SpaceSettings {
  const { id: _id, updatedBy: _by, publicUrl, apiCorsOrigins, ...rest } = row;
  // Rows saved before a setting existed keep following the environment until the next save.
  return { ...rest, publicUrl: publicUrl ?? defaults().publicUrl, apiCorsOrigins: apiCorsOrigins ?? defaults().apiCorsOrigins };
}

/** After this process saved: the next read here loads the settings, every other handle of the process checks. */
export function invalidateSpaceSettings(db: Db): void {
  cache.delete(db);
  forgetSettingsVersions();
}

/** "••••1234": enough to recognise which secret is stored, never enough to use it. */
export function maskSecret(secret: string | null | undefined): string {
  if (!secret) return "";
  return `••••${secret.length >= 8 ? secret.slice(-4) : ""}`;
}
