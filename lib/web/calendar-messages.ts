import type { CalendarFailure } from "@/lib/domain/calendar/result";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "./action-result";
import { formatDateTime } from "@/lib/time";
import { getLocale } from "@/lib/i18n/server";
import { getSpace } from "./space";

/** A domain failure in the reader's language; conflicts name what is in the way. */
export async function calendarFailure(t: Translate, failure: CalendarFailure): Promise<ActionResult & { ok: false }> {
  const locale = await getLocale();
  const when = failure.conflict ? formatDateTime(failure.conflict.startsAt, locale, (await getSpace()).timeZone) : "";
  const message = (() => {
    switch (failure.code) {
      case "conflict":
        return failure.conflict?.kind === "booking"
          ? t("evf.error.conflictBooking", { title: failure.conflict.title, when })
          : t("evf.error.conflict", { title: failure.conflict?.title ?? "", when });
      case "forbidden":
        return t("evf.error.forbidden");
      case "not_found":
        return t("evf.error.not_found");
      case "cancelled":
        return t("ev.cancelled");
      case "already_registered":
        return t("ev.youAre.signed_up");
      case "invalid_token":
        return t("ev.guest.invalid");
      case "no_active_card":
      case "not_allowed_on_machine":
      case "machine_blocked":
        return t(`bk.error.${failure.code}`);
      default:
        return t("evf.error.validation", { detail: failure.message });
    }
  })();
  return { ok: false, code: failure.code, message };
}

/** defineAction's `refusals` for answers worded where they were made (calendarFailure: they need the locale and zone). */
export const worded = (refusal: { message: string }) => refusal.message;
