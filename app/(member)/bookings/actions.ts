"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { mailBookingCancelledByOther } from "@/lib/domain/calendar/booking-mail";
import { bookMachine, bookingTimeProblems, cancelMachineBooking } from "@/lib/domain/calendar/machine-bookings";
import { getLocale, getT } from "@/lib/i18n/server";
import { parseLocalDateTime } from "@/lib/time";
import type { ActionResult } from "@/lib/web/action-result";
import { bookingRefusal, bookingTimeErrors, bookingWords } from "@/lib/web/booking-messages";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { getSpace } from "@/lib/web/space";

export async function bookMachineAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t, locale] = await Promise.all([getCurrentUser(), getT(), getLocale()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const tz = (await getSpace()).timeZone;
  const values = { machineId: String(formData.get("machineId") ?? ""), startsAt: String(formData.get("startsAt") ?? ""), endsAt: String(formData.get("endsAt") ?? ""), note: String(formData.get("note") ?? "") };
  const startsAt = parseLocalDateTime(values.startsAt, tz);
  const endsAt = parseLocalDateTime(values.endsAt, tz);
  const problems = bookingTimeProblems(startsAt, endsAt, new Date());
  if (problems.length) return { ok: false, code: "validation", message: t("bk.error.fields"), values, fieldErrors: bookingTimeErrors(t, problems) };
  const db = getDb();
  const result = await bookMachine(db, user.personId, { machineId: values.machineId, startsAt: startsAt!, endsAt: endsAt!, note: values.note });
  if (!result.ok) {
    return { ok: false, code: result.code, message: bookingRefusal(t, result, user.personId, locale, tz), values };
  }
  revalidatePath("/bookings");
  revalidatePath(`/machines/${result.machineId}`);
  return { ok: true, message: t("bk.booked", bookingWords(result.machineName, result.startsAt, result.endsAt, locale, tz)), values: { ...values, note: "" } };
}

export async function cancelBookingAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t, locale] = await Promise.all([getCurrentUser(), getT(), getLocale()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const bookingId = Number(formData.get("bookingId"));
  if (!Number.isSafeInteger(bookingId) || bookingId <= 0) return { ok: false, code: "not_found", message: t("evf.error.not_found") };
  const result = await cancelMachineBooking(getDb(), user.personId, bookingId);
  if (!result.ok) return { ok: false, code: result.code, message: t(result.code === "not_found" ? "evf.error.not_found" : "evf.error.forbidden") };
  revalidatePath("/bookings");
  revalidatePath(`/machines/${result.machineId}`);
  const tz = (await getSpace()).timeZone;
  await mailBookingCancelledByOther(getDb(), getMailer(), user.personId, result, tz);
  return { ok: true, message: t("bk.cancelled", bookingWords(result.machineName, result.startsAt, result.endsAt, locale, tz)) };
}
