"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { bookMachine, cancelMachineBooking } from "@/lib/domain/calendar/machine-bookings";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { formatDateTime, parseLocalDateTime } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getLocale } from "@/lib/i18n/server";
import { getSpace } from "@/lib/web/space";

export async function bookMachineAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t, locale] = await Promise.all([getCurrentUser(), getT(), getLocale()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const tz = (await getSpace()).timeZone;
  const values = { machineId: String(formData.get("machineId") ?? ""), startsAt: String(formData.get("startsAt") ?? ""), endsAt: String(formData.get("endsAt") ?? ""), note: String(formData.get("note") ?? "") };
  const startsAt = parseLocalDateTime(values.startsAt, tz);
  const endsAt = parseLocalDateTime(values.endsAt, tz);
  if (!startsAt || !endsAt) return { ok: false, code: "validation", message: t("bk.error.validation"), values };
  const result = await bookMachine(getDb(), user.personId, { machineId: values.machineId, startsAt, endsAt, note: values.note });
  if (!result.ok) {
    const message =
      result.code === "conflict"
        ? t("bk.error.conflict", { title: result.conflict!.title, when: formatDateTime(result.conflict!.startsAt, locale, tz) })
        : result.code === "no_active_card" || result.code === "not_allowed_on_machine" || result.code === "machine_blocked"
          ? t(`bk.error.${result.code}`)
          : t("bk.error.validation");
    return { ok: false, code: result.code, message, values };
  }
  revalidatePath("/bookings");
  revalidatePath(`/machines/${Number(values.machineId)}`);
  return { ok: true, message: t("bk.booked") };
}

export async function cancelBookingAction(bookingId: number, _prev: ActionResult | null): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const result = await cancelMachineBooking(getDb(), user.personId, bookingId);
  if (!result.ok) return { ok: false, code: result.code, message: t("evf.error.forbidden") };
  revalidatePath("/bookings");
  revalidatePath("/(member)/machines/[id]", "page");
  return { ok: true, message: t("bk.cancelled") };
}
