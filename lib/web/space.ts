import { cache } from "react";
import { getSpaceSettings, settingsFromEnv, type SpaceSettings } from "@/lib/domain/settings/space-settings";
import { env } from "@/lib/env";
import { getDb } from "./db";
import { getLogger } from "./logger";

/** The space settings for this request; with the database down, the environment's defaults keep pages rendering. */
export const getSpace = cache(async (): Promise<SpaceSettings> => {
  try {
    return await getSpaceSettings(getDb());
  } catch (error) {
    getLogger().warn({ err: error }, "space settings unavailable, using defaults");
    return settingsFromEnv(env());
  }
});
