import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import type { Translate } from "@/lib/i18n/translate";

/**
 * One entry in any view; titles are member-typed text, rendered as text (React escapes it). A month holds hundreds
 * of entries, each written twice into the page (its HTML and the RSC payload React reads it from), so an entry is
 * lean: a plain link (no client component, and no prefetch of every event page in view) and short class names
 * (`cal-item` and its kind in app/globals.css) instead of the utility list.
 */
export function CalendarItemLink({ item, time, t }: { item: CalendarItem; time: string; t: Translate }) {
  const cancelled = item.kind !== "booking" && item.cancelled;
  const label =
    item.kind === "training"
      ? `${t("cal.kind.training")}: ${item.title}`
      : item.kind === "booking"
        ? `${t("cal.kind.booking")}: ${item.title}${item.personName ? ` (${item.personName})` : ""}`
        : item.title;
  const body = (
    <span className={`cal-item cal-${item.kind}${cancelled ? " cal-cancelled" : ""}`} title={label}>
      <span className="cal-t">{time}</span> {label}
      {item.kind === "event" && !item.isPublic && <span className="sr-only"> ({t("cal.membersOnlyTag")})</span>}
      {cancelled && <span className="sr-only"> ({t("cal.cancelledTag")})</span>}
    </span>
  );
  if (item.kind === "event") return <a href={`/events/${item.slug}`}>{body}</a>;
  return body;
}
