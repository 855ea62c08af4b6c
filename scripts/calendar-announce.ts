/**
 * Sends the weekly announcement (the coming seven days' events) to everyone who opted in. The device broker
 * sends it every Monday morning; `npm run calendar:announce` sends it by hand.
 */
import pino from "pino";
import { createDb } from "@/lib/db/client";
import { createSpaceMailer } from "@/lib/domain/settings/settings-mailer";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { sendWeeklyAnnouncement } from "@/lib/domain/calendar/announcements";
import { env, requireDatabaseUrl } from "@/lib/env";

const e = env();
const logger = pino({ level: e.LOG_LEVEL });
const { db, close } = createDb(requireDatabaseUrl(), { max: 2 });
try {
  // The saved time zone, as the broker's weekly job uses (the environment's only until a save).
  const { timeZone } = await loadSpaceSettings(db);
  const run = await sendWeeklyAnnouncement(db, createSpaceMailer(db, e, logger), { timeZone });
  logger.info(run, `Weekly announcement sent to ${run.sent} subscriber(s), ${run.failed} failed`);
  if (run.failed) process.exitCode = 1;
} finally {
  await close();
}
