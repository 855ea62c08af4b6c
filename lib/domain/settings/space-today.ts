import type { Db } from "@/lib/db/client";
import { dayOf } from "@/lib/time";
import { getSpaceSettings } from "./space-settings";

/**
 * Today ("YYYY-MM-DD") in the space's saved time zone: the day date-only values (due days, memberships, committee
 * functions) are compared with, so nothing changes at midnight UTC instead of at midnight in the space.
 */
export async function spaceToday(db: Db, now = new Date()): Promise<string> {
  return dayOf(now, (await getSpaceSettings(db)).timeZone);
}
