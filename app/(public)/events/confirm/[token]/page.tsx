import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { guestRegistrationByToken } from "@/lib/domain/calendar/guest-registrations";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { confirmGuestAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const dynamic = "force-dynamic";

/**
 * The link from a guest's confirmation mail. Opening it changes nothing (mail scanners prefetch links); the guest
 * confirms with the button, a POST.
 */
export default async function ConfirmGuestPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, reg] = await Promise.all([getT(), guestRegistrationByToken(getDb(), token)]);
  return (
    <div className="space-y-3">
      <PageTitle>{t("ev.guest.title")}</PageTitle>
      {!reg ? (
        <p role="alert">{t("ev.guest.invalid")}</p>
      ) : reg.cancelled ? (
        <p role="alert">{t("ev.cancelled")}</p>
      ) : reg.status !== "pending" ? (
        <p role="status">{t(reg.status === "waitlisted" ? "ev.guest.confirmed.waitlisted" : "ev.guest.confirmed.signed_up")}</p>
      ) : (
        <>
          <p>{t("ev.guest.confirmIntro", { title: reg.title })}</p>
          <ActionButton action={confirmGuestAction.bind(null, token)} label={t("ev.guest.confirmButton")} />
        </>
      )}
      {reg && (
        <Link className="underline" href={`/events/${reg.slug}`}>
          {reg.title}
        </Link>
      )}
    </div>
  );
}
