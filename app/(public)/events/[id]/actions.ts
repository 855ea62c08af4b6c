"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { requestGuestRegistration } from "@/lib/domain/calendar/guest-registrations";
import { cancelRegistration, registerMember } from "@/lib/domain/calendar/registrations";
import { setEventCancelled } from "@/lib/domain/calendar/save-event";
import { getLocale } from "@/lib/i18n/server";
import { defineAction } from "@/lib/web/action";
import { calendarFailure, worded } from "@/lib/web/calendar-messages";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";

// Who may (a member, a calendar manager) and what an event allows is decided in the domain calls.
const id = z.number().int().positive();
const revalidate = [["/(public)/events/[id]", "page"]] as const;

export const registerAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: z.tuple([id]),
  refusals: worded,
  revalidate,
  async run({ actor, db, t }, eventId) {
    const registered = await registerMember(db, { eventId, personId: actor.personId });
    return registered.ok ? { ok: true, message: t(`ev.registered.${registered.status}`) } : await calendarFailure(t, registered);
  },
});

export const unregisterAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: z.tuple([id, id]),
  refusals: worded,
  revalidate,
  async run({ actor, db, t }, _eventId, registrationId) {
    const asManager = actor.permissions.has("calendar.write");
    const cancelled = await cancelRegistration(db, { registrationId, actorId: actor.personId, asManager }, getMailer());
    return cancelled.ok ? { ok: true, message: t("ev.unregistered") } : await calendarFailure(t, cancelled);
  },
});

/** Public: anyone may ask; the place is only taken once the mailed link is opened. */
export const guestRegisterAction = defineAction({
  caller: "anyone",
  input: z.object({ name: z.string().trim().min(1).max(200), email: z.string().trim().pipe(z.email().max(320)) }),
  bound: z.tuple([id]),
  labels: { name: "ev.guest.name", email: "ev.guest.email" },
  refusals: worded,
  async run({ db, t, input }, eventId) {
    if (!(await takeMailFormAttempt(db, "guest", input.email, clientIp(await headers()))))
      return { ok: false, code: "rate_limited", message: t("mailForm.rate_limited") };
    const requested = await requestGuestRegistration(db, getMailer(), { eventId, ...input, locale: await getLocale() });
    return requested.ok ? { ok: true, message: t("ev.guest.sent") } : await calendarFailure(t, requested);
  },
});

export const setCancelledAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: z.tuple([id, z.boolean()]),
  refusals: worded,
  revalidate: [...revalidate, "/calendar"],
  async run({ actor, db, t }, eventId, cancelled) {
    const set = await setEventCancelled(db, actor.personId, eventId, cancelled, getMailer());
    return set.ok ? { ok: true, message: t("evf.saved") } : await calendarFailure(t, set);
  },
});
