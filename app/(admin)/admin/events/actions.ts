"use server";

import { z } from "zod";
import { personIdByMemberNumber } from "@/lib/domain/calendar/event-details";
import { eventInputSchema } from "@/lib/domain/calendar/event-input";
import { saveEvent } from "@/lib/domain/calendar/save-event";
import { defineAction } from "@/lib/web/action";
import { calendarFailure, worded } from "@/lib/web/calendar-messages";
import { getDb } from "@/lib/web/db";
import { eventFormInput, formValues } from "@/lib/web/event-form-data";
import { Unmatched } from "@/lib/web/field-errors";
import { getMailer } from "@/lib/web/mailer";

/** The responsible person's member number → their id; a number nobody has is refused beside the field. */
async function responsibleFrom(typed: string | undefined): Promise<number | null | Unmatched> {
  const text = typed?.trim() ?? "";
  if (!text) return null;
  const number = Number(text);
  const id = Number.isSafeInteger(number) && number > 0 ? await personIdByMemberNumber(getDb(), number) : null;
  return id ?? new Unmatched(text, "evf.error.responsible");
}

/**
 * Create (bound: null) or edit an event with the domain's own schema; the domain checks calendar.write again and
 * refuses double-booking, naming what is in the way.
 */
export const saveEventAction = defineAction({
  caller: "calendar.write",
  input: eventInputSchema,
  read: async (formData) => {
    const values = formValues(formData);
    return eventFormInput(values, await responsibleFrom(values.responsible));
  },
  bound: z.tuple([z.number().int().positive().nullable()]),
  fields: {
    responsiblePersonId: "responsible",
    "recurrence.interval": "interval",
    "recurrence.until": "until",
    "recurrence.count": "count",
    "recurrence.weekdays": "weekdays",
    recurrence: "freq",
  },
  labels: {
    title: "evf.title",
    description: "evf.description",
    startsAt: "evf.starts",
    endsAt: "evf.ends",
    timeZone: "evf.timeZone",
    freq: "evf.repeat",
    recurrence: "evf.repeat",
    interval: "evf.interval",
    until: "evf.until",
    count: "evf.count",
    weekdays: "evf.weekdays",
    exceptionDates: "evf.exceptions",
    roomIds: "evf.rooms",
    resourceIds: "evf.resources",
    thingNumbers: "evf.things",
    responsible: "evf.responsible",
    visibility: "evf.visibility",
    capacity: "evf.capacity",
  },
  issueMessages: {
    "must be after the start": "evf.error.endsBeforeStart",
    "must not be before the start": "evf.error.untilBeforeStart",
    "unknown time zone": "form.error.choice",
  },
  refusals: worded,
  revalidate: ["/calendar"],
  async run({ actor, db, t, input }, eventId) {
    const saved = await saveEvent(db, actor.personId, input, eventId ?? undefined, getMailer());
    if (saved.ok) return { ok: true, redirect: `/events/${saved.slug}` };
    const refusal = await calendarFailure(t, saved);
    // The one check the schema cannot make: every thing number names a thing.
    return saved.message.startsWith("thingNumbers") ? { ...refusal, field: "thingNumbers" } : refusal;
  },
});
