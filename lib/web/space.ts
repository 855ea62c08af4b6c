import { cache } from "react";
import { getSpaceSettings, settingsFromEnv, type SpaceSettings } from "@/lib/domain/settings/space-settings";
import { env } from "@/lib/env";
import { getDb } from "./db";
import { getLogger } from "./logger";

/** The space settings for this request; with the database down, the environment's defaults keep pages rendering. */
export const getSpace = cache(async (): Promise<SpaceSettings> => {
  // `next build` prerenders static pages (the 404) without a database: nothing to warn about there.
  if (!env().DATABASE_URL) return settingsFromEnv(env());
  try {
    return await getSpaceSettings(getDb());
  } catch (error) {
    getLogger().warn({ err: error }, "space settings unavailable, using defaults");
    return settingsFromEnv(env());
  }
});
