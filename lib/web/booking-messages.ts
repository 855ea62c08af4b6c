import type { BookingTimeProblem } from "@/lib/domain/calendar/machine-bookings";
import type { CalendarFailure } from "@/lib/domain/calendar/result";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { formatRange } from "@/lib/time";

/** "LASER 1, 15 Dec 2026, 10:00–11:00": what a member reads in every booking answer. */
export function bookingWords(machine: string, startsAt: Date, endsAt: Date, locale: Locale, timeZone: string): { machine: string; when: string } {
  return { machine, when: formatRange(startsAt, endsAt, locale, timeZone) };
}

/** Each refused time next to its field, named by the field's label. */
export function bookingTimeErrors(t: Translate, problems: BookingTimeProblem[]): Record<string, string> {
  const label = { startsAt: t("bk.starts"), endsAt: t("bk.ends") };
  const errors: Record<string, string> = {};
  for (const p of problems) errors[p.field] ??= t(`bk.field.${p.code}`, { label: label[p.field], start: label.startsAt, days: 7 });
  return errors;
}

/** A refused booking in words: what is in the way and when (never who, beyond "you"), or why the member may not book. */
export function bookingRefusal(t: Translate, failure: CalendarFailure, personId: number, locale: Locale, timeZone: string): string {
  const c = failure.conflict;
  if (failure.code === "conflict" && c) {
    const when = formatRange(c.startsAt, c.endsAt ?? c.startsAt, locale, timeZone);
    // A booking's title is its machine's name; an event's is its own.
    if (c.kind === "event") return t("bk.error.conflictEvent", { when, title: c.title });
    return t(c.personId === personId ? "bk.error.conflictOwn" : "bk.error.conflictOther", { machine: c.title, when });
  }
  if (failure.code === "no_active_card" || failure.code === "not_allowed_on_machine" || failure.code === "machine_blocked")
    return t(`bk.error.${failure.code}`);
  if (failure.code === "not_found") return t("evf.error.not_found");
  if (failure.code === "forbidden") return t("evf.error.forbidden");
  return t("bk.error.validation");
}
