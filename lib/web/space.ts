import { cache } from "react";
import { getSpaceSettings, settingsFromEnv, type SpaceSettings } from "@/lib/domain/settings/space-settings";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "./db";
import { getLogger } from "./logger";

/** The space settings for this request; with the database down, the environment's defaults keep pages rendering. */
export const getSpace = cache(async (): Promise<SpaceSettings> => {
  // `next build` prerenders static pages (the 404) without a database: nothing to warn about there.
  if (!env().DATABASE_URL) return settingsFromEnv(env());
  try {
    // After the session's statement, which reads the settings' version on its way (settings-version.ts): a page
    // shows what was saved in another process by the time the person asks for it, with no statement of its own.
    await getCurrentUser().catch(() => null);
    return await getSpaceSettings(getDb());
  } catch (error) {
    getLogger().warn({ err: error }, "space settings unavailable, using defaults");
    return settingsFromEnv(env());
  }
});
