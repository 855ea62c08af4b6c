import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import type { Translate } from "@/lib/i18n/translate";

/**
 * One entry as every view shows it, made on the server (`calendarEntry`): its kind (0 event, 1 training, 2
 * booking), time label, text, the event's slug (events link to their page) and flags (1 cancelled, 2 members
 * only). A tuple, not an object: the month grid is a client component and its page's payload carries every entry
 * it shows (168 in a busy month) once more, so the keys would be written 168 times.
 */
export type CalendarEntry = [kind: 0 | 1 | 2, time: string, label: string, slug: string | null, flags: number];
export const CANCELLED = 1;
export const MEMBERS_ONLY = 2;
/** The two words read out after an entry's text: [members only, cancelled] in the viewer's language. */
export type EntryTags = [membersOnly: string, cancelled: string];

const KINDS = ["event", "training", "booking"] as const;

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

/**
 * An entry in any view (server or client component); titles are member-typed text, rendered as text (React escapes
 * it). An entry is lean, as the month holds hundreds: a plain link (no client-side navigation, and no prefetch of
 * every event page in view) and short class names (`cal-item` and its kind in app/globals.css) instead of the
 * utility list.
 */
export function CalendarItemLink({ entry: [kind, time, label, slug, flags], tags }: { entry: CalendarEntry; tags: EntryTags }) {
  const cancelled = (flags & CANCELLED) !== 0;
  const body = (
    <span className={`cal-item cal-${KINDS[kind]}${cancelled ? " cal-cancelled" : ""}`} title={label}>
      <span className="cal-t">{time}</span> {label}
      {(flags & MEMBERS_ONLY) !== 0 && <span className="sr-only"> ({tags[0]})</span>}
      {cancelled && <span className="sr-only"> ({tags[1]})</span>}
    </span>
  );
  return slug === null ? body : <a href={`/events/${slug}`}>{body}</a>;
}
