"use server";

import { z } from "zod";
import { mailBookingCancelledByOther } from "@/lib/domain/calendar/booking-mail";
import { bookMachine, bookingTimeProblems, cancelMachineBooking } from "@/lib/domain/calendar/machine-bookings";
import { getLocale } from "@/lib/i18n/server";
import { parseLocalDateTime } from "@/lib/time";
import { defineAction } from "@/lib/web/action";
import { bookingRefusal, bookingTimeErrors, bookingWords } from "@/lib/web/booking-messages";
import { int, text } from "@/lib/web/form-data";
import { getMailer } from "@/lib/web/mailer";
import { getSpace } from "@/lib/web/space";

/**
 * A booking refusal is worded where it is made: what is in the way and when, in the space's zone, "you" for the
 * person asking — so the message travels in the refusal itself.
 */
type Worded = { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };
const worded = (r: Worded) => r.message;
const revalidate = ["/bookings", ["/(member)/machines/[id]", "page"]] as const;

export const bookMachineAction = defineAction({
  caller: "user",
  input: z.object({ machineId: z.string(), startsAt: z.string(), endsAt: z.string(), note: z.string() }),
  read: (formData) => ({
    machineId: text(formData, "machineId"),
    startsAt: text(formData, "startsAt"),
    endsAt: text(formData, "endsAt"),
    note: text(formData, "note"),
  }),
  labels: { machineId: "bk.machine", startsAt: "bk.starts", endsAt: "bk.ends", note: "bk.note" },
  refusals: worded,
  revalidate,
  async run({ actor, db, t, input }) {
    const [tz, locale] = await Promise.all([getSpace().then((s) => s.timeZone), getLocale()]);
    const startsAt = parseLocalDateTime(input.startsAt, tz);
    const endsAt = parseLocalDateTime(input.endsAt, tz);
    // Every problem with the times at once, each beside its field.
    const problems = bookingTimeProblems(startsAt, endsAt, new Date());
    if (problems.length) return { ok: false, code: "validation", message: t("bk.error.fields"), fieldErrors: bookingTimeErrors(t, problems) } satisfies Worded;
    const booked = await bookMachine(db, actor.personId, { machineId: input.machineId, startsAt: startsAt!, endsAt: endsAt!, note: input.note });
    if (!booked.ok) return { ok: false, code: booked.code, message: bookingRefusal(t, booked, actor.personId, locale, tz) } satisfies Worded;
    // The machine and times stay chosen for the next booking; the note is cleared.
    return { ok: true, message: t("bk.booked", bookingWords(booked.machineName, booked.startsAt, booked.endsAt, locale, tz)), values: { ...input, note: "" } };
  },
});

export const cancelBookingAction = defineAction({
  caller: "user",
  input: z.object({ bookingId: z.number().int().positive() }),
  read: (formData) => ({ bookingId: int(formData, "bookingId") }),
  refusals: (r: { code: string }, t) => t(r.code === "not_found" ? "evf.error.not_found" : "evf.error.forbidden"),
  revalidate,
  async run({ actor, db, t, input }) {
    const cancelled = await cancelMachineBooking(db, actor.personId, input.bookingId);
    if (!cancelled.ok) return cancelled;
    const [tz, locale] = await Promise.all([getSpace().then((s) => s.timeZone), getLocale()]);
    await mailBookingCancelledByOther(db, getMailer(), actor.personId, cancelled, tz);
    return { ok: true, message: t("bk.cancelled", bookingWords(cancelled.machineName, cancelled.startsAt, cancelled.endsAt, locale, tz)) };
  },
});
