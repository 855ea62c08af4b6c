import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import type { Translate } from "@/lib/i18n/translate";

/*
 * The compact data every calendar view's client component gets (month-grid.tsx, day-list.tsx), made on the server
 * (calendar-views.tsx dayCells). A view's entries are written into its page twice, as HTML and in the RSC payload:
 * as these tuples the payload carries short data, not each entry's rendered tree (the HTML is the same). Tuples, not
 * objects: a busy month shows 168 entries, an agenda up to 150, and the keys would be written each time.
 */

/**
 * One entry: its kind (0 event, 1 training, 2 booking), time label, text, the event's slug (events link to their
 * page), flags (1 cancelled, 2 members only) and, in the agenda, its rooms' names.
 */
export type CalendarEntry = [kind: 0 | 1 | 2, time: string, label: string, slug: string | null, flags: number, rooms?: string];
export const CANCELLED = 1;
export const MEMBERS_ONLY = 2;
/** The two words read out after an entry's text: [members only, cancelled] in the viewer's language. */
export type EntryTags = [membersOnly: string, cancelled: string];

/** A day: its name (the month's day number, a list's heading), flags (1 outside the month, 2 today), entries and "+N more". */
export type DayCell = [name: number | string, flags: number, entries: CalendarEntry[], more?: MoreLink];
/** The link to a day's week: its text ("+16 more"), address and the day's name for screen readers. */
export type MoreLink = [text: string, href: string, dayName: string];
export const OUTSIDE_MONTH = 1;
export const TODAY = 2;

export const KINDS = ["event", "training", "booking"] as const;

/** An entry as every view shows it; a booking's person only as `personName`, already the name the viewer may see. */
export function calendarEntry(item: CalendarItem, time: string, t: Translate): CalendarEntry {
  const label =
    item.kind === "training"
      ? `${t("cal.kind.training")}: ${item.title}`
      : item.kind === "booking"
        ? `${t("cal.kind.booking")}: ${item.title}${item.personName ? ` (${item.personName})` : ""}`
        : item.title;
  const flags = (item.kind !== "booking" && item.cancelled ? CANCELLED : 0) | (item.kind === "event" && !item.isPublic ? MEMBERS_ONLY : 0);
  return [KINDS.indexOf(item.kind) as 0 | 1 | 2, time, label, item.kind === "event" ? item.slug : null, flags];
}

export function entryTags(t: Translate): EntryTags {
  return [t("cal.membersOnlyTag"), t("cal.cancelledTag")];
}
