"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { personIdByMemberNumber } from "@/lib/domain/calendar/event-details";
import { saveEvent } from "@/lib/domain/calendar/save-event";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { calendarFailure } from "@/lib/web/calendar-messages";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { eventInputFrom, formValues } from "@/lib/web/event-form-data";

/** Create (eventId null) or edit; the domain checks calendar.write and refuses double-booking, naming the event. */
export async function saveEventAction(eventId: number | null, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("evf.error.forbidden") };
  const values = formValues(formData);
  const db = getDb();
  let responsible: number | null = null;
  if (values.responsible?.trim()) {
    const number = Number(values.responsible.trim());
    responsible = Number.isSafeInteger(number) ? await personIdByMemberNumber(db, number) : null;
    if (responsible === null) return { ok: false, code: "validation", message: t("evf.error.responsible", { number: values.responsible }), values };
  }
  const parsed = eventInputFrom(values, responsible);
  if ("badField" in parsed) return { ok: false, code: "validation", message: t("evf.error.validation", { detail: parsed.badField }), values };
  const result = await saveEvent(db, user.personId, parsed.input, eventId ?? undefined, getMailer());
  if (!result.ok) return { ...(await calendarFailure(t, result)), values };
  revalidatePath("/calendar");
  redirect(`/events/${result.slug}`);
}
