import { cache } from "react";
import { getSpaceSettings, keptSpaceSettings, settingsFromEnv, type SpaceSettings } from "@/lib/domain/settings/space-settings";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "./db";
import { getLogger } from "./logger";

// One warning per outage, not one per page view (process-wide, like the copies: see space-settings.ts).
const outage = globalThis as unknown as { __spaceSettingsUnavailable?: boolean };

/**
 * The space settings for this request. With the database down, the copy last read keeps pages rendering with the
 * space's own name, languages and time zone; only a process that never read them uses the environment's defaults.
 */
export const getSpace = cache(async (): Promise<SpaceSettings> => {
  // `next build` prerenders static pages (the 404) without a database: nothing to warn about there.
  if (!env().DATABASE_URL) return settingsFromEnv(env());
  try {
    // After the session's statement, which reads the settings' version on its way (settings-version.ts): a page
    // shows what was saved in another process by the time the person asks for it, with no statement of its own.
    await getCurrentUser().catch(() => null);
    const settings = await getSpaceSettings(getDb());
    outage.__spaceSettingsUnavailable = false;
    return settings;
  } catch (error) {
    const kept = keptSpaceSettings(getDb());
    if (!outage.__spaceSettingsUnavailable) {
      getLogger().warn({ err: error }, kept ? "space settings unavailable, using the copy last read" : "space settings unavailable, using defaults");
      outage.__spaceSettingsUnavailable = true;
    }
    return kept ?? settingsFromEnv(env());
  }
});
