import { CANCELLED, type CalendarEntry, type EntryTags, KINDS, MEMBERS_ONLY } from "./calendar-cells";

/**
 * An entry in any view (the views' client components render it from its tuple, calendar-cells.ts); titles are
 * member-typed text, rendered as text (React escapes it). An entry is lean, as the month holds hundreds: a plain link
 * (no client-side navigation, and no prefetch of every event page in view) and short class names (`cal-item` and its
 * kind in app/globals.css) instead of the utility list.
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
