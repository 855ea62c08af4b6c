import { asc } from "drizzle-orm";
import { resources, rooms } from "@/lib/db/schema";
import type { Translate } from "@/lib/i18n/translate";
import { getDb } from "./db";

const FORM_KEYS = [
  "title",
  "description",
  "starts",
  "ends",
  "timeZone",
  "allDay",
  "repeat",
  "repeat.none",
  "repeat.weekly",
  "repeat.monthly",
  "interval",
  "until",
  "count",
  "weekdays",
  "exceptions",
  "rooms",
  "resources",
  "things",
  "responsible",
  "visibility",
  "capacity",
  "submit",
] as const;

/** What both the new and the edit page hand the form. */
export async function eventFormProps(t: Translate, spaceTimeZone: string) {
  const db = getDb();
  const [roomRows, resourceRows] = await Promise.all([
    db.select({ id: rooms.id, name: rooms.name }).from(rooms).orderBy(asc(rooms.name)),
    db.select({ id: resources.id, name: resources.name }).from(resources).orderBy(asc(resources.name)),
  ]);
  const labels: Record<string, string> = Object.fromEntries(FORM_KEYS.map((k) => [k, t(`evf.${k}`)]));
  for (let d = 0; d < 7; d++) labels[`wd.${d}`] = t(`wd.${d}` as "wd.0");
  labels["visibility.public"] = t("ev.visibility.public");
  labels["visibility.members"] = t("ev.visibility.members");
  const timeZones = [...new Set([spaceTimeZone, "UTC", "Europe/Vienna", "Europe/Berlin", "Europe/Zurich", "Europe/London"])];
  return { rooms: roomRows, resources: resourceRows, labels, timeZones };
}
