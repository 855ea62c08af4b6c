import Link from "next/link";
import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import type { Translate } from "@/lib/i18n/translate";

/** One entry in any view; titles are member-typed text, rendered as text (React escapes it). */
export function CalendarItemLink({ item, time, t }: { item: CalendarItem; time: string; t: Translate }) {
  const cancelled = item.kind !== "booking" && item.cancelled;
  const label =
    item.kind === "training"
      ? `${t("cal.kind.training")}: ${item.title}`
      : item.kind === "booking"
        ? `${t("cal.kind.booking")}: ${item.title}${item.personName ? ` (${item.personName})` : ""}`
        : item.title;
  const tone = item.kind === "event" ? "bg-amber-100 text-amber-950" : item.kind === "training" ? "bg-sky-100 text-sky-950" : "bg-slate-200 text-slate-800";
  const body = (
    <span className={`block truncate rounded px-1 text-xs ${tone} ${cancelled ? "line-through opacity-70" : ""}`} title={label}>
      <span className="font-mono">{time}</span> {label}
      {item.kind === "event" && !item.isPublic && <span className="sr-only"> ({t("cal.membersOnlyTag")})</span>}
      {cancelled && <span className="sr-only"> ({t("cal.cancelledTag")})</span>}
    </span>
  );
  if (item.kind === "event") return <Link href={`/events/${item.slug}`}>{body}</Link>;
  return body;
}
