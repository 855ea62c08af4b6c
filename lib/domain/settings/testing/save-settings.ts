import type { Db } from "@/lib/db/client";
import { loadSpaceSettings } from "../space-settings";
import { settingsInputSchema, updateSpaceSettings } from "../update-settings";

/** Saves the space settings as they are with some fields changed: what an admin does in /admin/settings. */
export async function saveSettingsWith(db: Db, changes: Record<string, string>): Promise<void> {
  const current = await loadSpaceSettings(db);
  const form = Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? "" : typeof v === "boolean" ? v : String(v)]));
  const input = settingsInputSchema.parse({ ...form, smtpPassword: "", clearSmtpPassword: false, ...changes });
  await updateSpaceSettings(db, { personId: null, permissions: new Set() }, input);
}

/** Another public address. */
export async function savePublicUrl(db: Db, publicUrl: string): Promise<void> {
  await saveSettingsWith(db, { publicUrl });
}

/** Another time zone for the space. */
export async function saveTimeZone(db: Db, timeZone: string): Promise<void> {
  await saveSettingsWith(db, { timeZone });
}
