"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { requestGuestRegistration } from "@/lib/domain/calendar/guest-registrations";
import { cancelRegistration, registerMember } from "@/lib/domain/calendar/registrations";
import { setEventCancelled } from "@/lib/domain/calendar/save-event";
import { getLocale, getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { calendarFailure } from "@/lib/web/calendar-messages";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";

type State = ActionResult | null;

export async function registerAction(eventId: number, _prev: State): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const result = await registerMember(getDb(), { eventId, personId: user.personId });
  if (!result.ok) return await calendarFailure(t, result);
  revalidatePath(`/events/${eventId}`);
  return { ok: true, message: t(`ev.registered.${result.status}`) };
}

export async function unregisterAction(eventId: number, registrationId: number, _prev: State): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const asManager = user.permissions.has("calendar.write");
  const result = await cancelRegistration(getDb(), { registrationId, actorId: user.personId, asManager }, getMailer());
  if (!result.ok) return await calendarFailure(t, result);
  revalidatePath(`/events/${eventId}`);
  return { ok: true, message: t("ev.unregistered") };
}

const guestSchema = z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(320) });

/** Public: anyone may ask; the place is only taken once the mailed link is opened. */
export async function guestRegisterAction(eventId: number, _prev: State, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "").trim() };
  const parsed = guestSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "validation", message: t("forgot.error.validation"), values };
  if (!(await takeMailFormAttempt(getDb(), "guest", parsed.data.email, clientIp(await headers())))) {
    return { ok: false, code: "rate_limited", message: t("mailForm.rate_limited"), values };
  }
  const result = await requestGuestRegistration(getDb(), getMailer(), { eventId, ...parsed.data, locale: await getLocale() });
  if (!result.ok) return { ...(await calendarFailure(t, result)), values };
  return { ok: true, message: t("ev.guest.sent") };
}

export async function setCancelledAction(eventId: number, cancelled: boolean, _prev: State): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const result = await setEventCancelled(getDb(), user.personId, eventId, cancelled, getMailer());
  if (!result.ok) return await calendarFailure(t, result);
  revalidatePath(`/events/${eventId}`);
  revalidatePath("/calendar");
  return { ok: true, message: t("evf.saved") };
}
