/**
 * The launcher's database side, loaded only once the web server has been spawned (scripts/start.ts imports this
 * module dynamically, and its bundle keeps it in a chunk of its own: broker-bundle.ts). PGlite, drizzle,
 * postgres.js, the schema, the migrations, the demo seed and nodemailer took the launcher ~0.4 s of CPU to load
 * before it started the web server, whose boot is the longest part of a start.
 */
import { createDb } from "@/lib/db/client";
import { mailDelivery } from "@/lib/domain/settings/settings-mailer";
import { loadSpaceSettings, settingsFromEnv } from "@/lib/domain/settings/space-settings";
import type { Env } from "@/lib/env";

export { ensureReachable, openDatabase, prepareOpened } from "./database";

/** Mail delivery as the web app will choose it (the saved settings, else SMTP_URL); "log" if they cannot be read. */
export async function mailDeliveryOf(url: string, e: Env): Promise<"smtp" | "log"> {
  const handle = createDb(url, { max: 1, connectTimeoutSeconds: 5 });
  try {
    return mailDelivery(await loadSpaceSettings(handle.db, () => settingsFromEnv(e)), e);
  } catch {
    return e.SMTP_URL ? "smtp" : "log";
  } finally {
    await handle.close();
  }
}
