import { CANCELLED, type CalendarEntry, type EntryTags, KINDS, MEMBERS_ONLY } from "./calendar-cells";

/**
 * An entry in any view (the views' client components render it from its tuple, calendar-cells.ts); titles are
 * member-typed text, rendered as text (React escapes it). An entry is lean, as the month holds hundreds: a plain link
 * (no client-side navigation, and no prefetch of every event page in view) and short class names (`cal-item` and its
 * kind in app/globals.css) instead of the utility list.
 */
export function CalendarItemLink({ entry: [kind, time, label, slug, flags], tags }: { entry: CalendarEntry; tags: EntryTags }) {
  const cancelled = (flags & CANCELLED) !== 0;
  const className = `cal-item cal-${KINDS[kind]}${cancelled ? " cal-cancelled" : ""}`;
  const body = (
    <>
      {/* One text node, not two: React writes "<!-- -->" between adjacent texts, in each of hundreds of entries. */}
      <span className="cal-t">{time}</span>
      {` ${label}`}
      {(flags & MEMBERS_ONLY) !== 0 && <span className="sr-only"> ({tags[0]})</span>}
      {cancelled && <span className="sr-only"> ({tags[1]})</span>}
    </>
  );
  // The link is the entry itself (no span inside it): one element less for each of a month's 168 entries.
  return slug === null ? (
    <span className={className} title={label}>
      {body}
    </span>
  ) : (
    <a href={`/events/${slug}`} className={className} title={label}>
      {body}
    </a>
  );
}
