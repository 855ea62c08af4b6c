import type { Db } from "@/lib/db/client";
import { loadSpaceSettings } from "../space-settings";
import { settingsInputSchema, updateSpaceSettings } from "../update-settings";

/** Saves the space settings as they are, with another public address: what an admin does in /admin/settings. */
export async function savePublicUrl(db: Db, publicUrl: string): Promise<void> {
  const current = await loadSpaceSettings(db);
  const form = Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? "" : typeof v === "boolean" ? v : String(v)]));
  const input = settingsInputSchema.parse({ ...form, smtpPassword: "", clearSmtpPassword: false, publicUrl });
  await updateSpaceSettings(db, { personId: null, permissions: new Set() }, input);
}
