import Link from "next/link";
import { confirmGuestRegistration } from "@/lib/domain/calendar/guest-registrations";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** The link from a guest's confirmation mail. */
export default async function ConfirmGuestPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, result] = await Promise.all([getT(), confirmGuestRegistration(getDb(), token)]);
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">{t("ev.guest.title")}</h1>
      {result.ok ? (
        <>
          <p role="status">{t(result.status === "waitlisted" ? "ev.guest.confirmed.waitlisted" : "ev.guest.confirmed.signed_up")}</p>
          <Link className="underline" href={`/events/${result.eventId}`}>{t("cal.title")}</Link>
        </>
      ) : (
        <p role="alert">{result.code === "cancelled" ? t("ev.cancelled") : t("ev.guest.invalid")}</p>
      )}
    </div>
  );
}
