import type { Event } from "@/lib/db/schema";
import type { EventInput } from "@/lib/domain/calendar/event-input";
import { Unmatched } from "./field-errors";
import { addDays, dayOf, isValidTimeZone, parseDay, parseLocalDateTime, startOfDay, toLocalInput } from "@/lib/time";

/** The form's fields as strings (multi-selects comma-joined), so a refused form comes back filled in. */
export type EventFormValues = Record<string, string>;

export function formValues(formData: FormData): EventFormValues {
  const one = (k: string) => String(formData.get(k) ?? "");
  const many = (k: string) => formData.getAll(k).map(String).join(",");
  return {
    title: one("title"),
    description: one("description"),
    startsAt: one("startsAt"),
    endsAt: one("endsAt"),
    timeZone: one("timeZone"),
    allDay: formData.get("allDay") ? "on" : "",
    freq: one("freq"),
    interval: one("interval"),
    until: one("until"),
    count: one("count"),
    weekdays: many("weekdays"),
    exceptionDates: one("exceptionDates"),
    roomIds: many("roomIds"),
    resourceIds: many("resourceIds"),
    thingNumbers: one("thingNumbers"),
    responsible: one("responsible"),
    visibility: one("visibility"),
    capacity: one("capacity"),
  };
}

const ids = (s: string) => s.split(",").filter(Boolean).map(Number);

/**
 * Strings → the domain's input; times are wall-clock in the chosen zone. A date or time that cannot be read stays an
 * Unmatched (the schema refuses it beside its field); so does a responsible person nobody has the number of.
 */
export function eventFormInput(v: EventFormValues, responsiblePersonId: number | null | Unmatched) {
  const tz = isValidTimeZone(v.timeZone ?? "") ? v.timeZone! : "UTC";
  const allDay = v.allDay === "on";
  let startsAt: Date | null;
  let endsAt: Date | null;
  if (allDay) {
    const s = parseDay((v.startsAt ?? "").slice(0, 10));
    const e = parseDay((v.endsAt ?? "").slice(0, 10)) ?? s;
    startsAt = s && startOfDay(s, tz);
    endsAt = e && startOfDay(addDays(e, 1), tz); // the end date is inclusive on the form
  } else {
    startsAt = parseLocalDateTime(v.startsAt ?? "", tz);
    endsAt = parseLocalDateTime(v.endsAt ?? "", tz);
  }
  const until = v.until ? parseDay(v.until) : null;
  const unreadable = (typed: string | undefined) => new Unmatched(typed ?? "", "form.error.date");
  return {
    title: v.title ?? "",
    description: v.description ?? "",
    startsAt: startsAt ?? unreadable(v.startsAt),
    endsAt: endsAt ?? unreadable(v.endsAt),
    timeZone: v.timeZone ?? "",
    allDay,
    recurrence:
      v.freq === "weekly" || v.freq === "monthly"
        ? {
            freq: v.freq,
            interval: v.interval || 1,
            until: v.until ? (until ? startOfDay(addDays(until, 1), tz) : unreadable(v.until)) : null,
            count: v.count || null,
            weekdays: ids(v.weekdays ?? ""),
          }
        : null,
    exceptionDates: (v.exceptionDates ?? "").split(/[\s,;]+/).filter(Boolean),
    roomIds: ids(v.roomIds ?? ""),
    resourceIds: ids(v.resourceIds ?? ""),
    thingNumbers: (v.thingNumbers ?? "").split(/[\s,;]+/).filter(Boolean),
    responsiblePersonId,
    visibility: v.visibility === "public" ? "public" : "members",
    capacity: v.capacity || null,
  };
}

/** The domain's input from the form's strings, or the first field that cannot be read. */
export function eventInputFrom(v: EventFormValues, responsiblePersonId: number | null): { input: EventInput } | { badField: string } {
  const read = eventFormInput(v, responsiblePersonId);
  if (read.startsAt instanceof Unmatched) return { badField: "startsAt" };
  if (read.endsAt instanceof Unmatched) return { badField: "endsAt" };
  if (read.recurrence?.until instanceof Unmatched) return { badField: "until" };
  return { input: read as EventInput };
}

/** An existing event as form values. */
export function valuesOf(e: Event, roomIds: number[], resourceIds: number[], responsibleNumber: number | null, thingNumbers: number[] = []): EventFormValues {
  const lastDay = dayOf(new Date(e.endsAt.getTime() - 1), e.timeZone);
  return {
    title: e.title,
    description: e.description,
    startsAt: e.allDay ? `${dayOf(e.startsAt, e.timeZone)}T00:00` : toLocalInput(e.startsAt, e.timeZone),
    endsAt: e.allDay ? `${lastDay}T00:00` : toLocalInput(e.endsAt, e.timeZone),
    timeZone: e.timeZone,
    allDay: e.allDay ? "on" : "",
    freq: e.recurrenceFreq ?? "",
    interval: String(e.recurrenceInterval),
    until: e.recurrenceUntil ? dayOf(new Date(e.recurrenceUntil.getTime() - 1), e.timeZone) : "",
    count: e.recurrenceCount ? String(e.recurrenceCount) : "",
    weekdays: e.recurrenceWeekdays.join(","),
    exceptionDates: e.exceptionDates.join(", "),
    roomIds: roomIds.join(","),
    resourceIds: resourceIds.join(","),
    thingNumbers: thingNumbers.join(", "),
    responsible: responsibleNumber ? String(responsibleNumber) : "",
    visibility: e.visibility,
    capacity: e.capacity ? String(e.capacity) : "",
  };
}
