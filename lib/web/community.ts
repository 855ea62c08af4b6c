import { getSpaceSettings, settingsFromEnv, type SpaceSettings } from "@/lib/domain/settings/space-settings";
import { env } from "@/lib/env";
import { getDb } from "./db";
import { getLogger } from "./logger";

/** Route handlers (no React cache there): the settings, or the environment's defaults with the database down. */
export async function spaceSettingsOrDefaults(): Promise<SpaceSettings> {
  try {
    return await getSpaceSettings(getDb());
  } catch (error) {
    getLogger().warn({ err: error }, "space settings unavailable, using defaults");
    return settingsFromEnv(env());
  }
}

/** A widget's or sensor's optional data: its failure is logged and becomes null, never a broken page. */
export async function optional<T>(what: string, load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    getLogger().warn({ err: error }, `${what} unavailable`);
    return null;
  }
}
