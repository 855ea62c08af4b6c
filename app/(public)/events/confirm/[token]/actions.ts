"use server";

import { revalidatePath } from "next/cache";
import { confirmGuestRegistration } from "@/lib/domain/calendar/guest-registrations";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

/** Public by design: the secret token from the mail is the guest's authority; the domain checks it. */
export async function confirmGuestAction(token: string, _prev: ActionResult | null): Promise<ActionResult> {
  const t = await getT();
  if (typeof token !== "string") return { ok: false, code: "validation", message: t("ev.guest.invalid") };
  const result = await confirmGuestRegistration(getDb(), token);
  if (!result.ok) return { ok: false, code: result.code, message: result.code === "cancelled" ? t("ev.cancelled") : t("ev.guest.invalid") };
  revalidatePath(`/events/${result.eventId}`);
  return { ok: true, message: t(result.status === "waitlisted" ? "ev.guest.confirmed.waitlisted" : "ev.guest.confirmed.signed_up") };
}
