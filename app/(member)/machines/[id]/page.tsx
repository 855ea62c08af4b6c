import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { BookingForm } from "@/components/calendar/booking-form";
import { MachineBookingsList } from "@/components/calendar/machine-bookings-list";
import { requireUser } from "@/lib/auth/guards";
import { seesMembersOnly } from "@/lib/domain/access/members-only";
import { machineForMembers, mayBookMachine } from "@/lib/domain/calendar/machine-bookings";
import { getLocale, getT } from "@/lib/i18n/server";
import { addDays, isoDate, today } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { upcomingMachineBookings } from "@/lib/web/machine-bookings";
import { getSpace } from "@/lib/web/space";
import { bookMachineAction } from "../../bookings/actions";
import { parseId } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";

/** A machine for members: what it is, its upcoming bookings, and booking it for those the rule lets use it. */
export default async function MachinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  // Everyone's bookings are members-only content.
  if (!seesMembersOnly(user)) forbidden();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = getDb();
  const [t, locale, space, machine, may, booked] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    machineForMembers(db, id),
    mayBookMachine(db, user.personId, id),
    upcomingMachineBookings(id, user),
  ]);
  if (!machine) notFound();
  const tz = space.timeZone;
  const day = isoDate(addDays(today(tz), 1));
  const refusal = may.ok
    ? null
    : may.code === "no_active_card" || may.code === "not_allowed_on_machine" || may.code === "machine_blocked"
      ? t(`bk.error.${may.code}`)
      : t("bk.error.not_allowed_on_machine");
  return (
    <div className="space-y-6">
      <PageTitle>{machine.name}</PageTitle>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">{t("bk.page.type")}</dt>
        <dd>{machine.type}</dd>
        {machine.location && (
          <>
            <dt className="font-medium">{t("bk.page.location")}</dt>
            <dd>{machine.location}</dd>
          </>
        )}
        {(machine.make || machine.model) && (
          <>
            <dt className="font-medium">{t("bk.page.model")}</dt>
            <dd>{[machine.make, machine.model].filter(Boolean).join(" ")}</dd>
          </>
        )}
      </dl>
      {machine.blocked && (
        <p role="status" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {t("bk.page.blocked", { reason: machine.blockedReason || "-" })}
        </p>
      )}
      <MachineBookingsList t={t} locale={locale} timeZone={space.timeZone} items={booked} />
      <section className="space-y-2" aria-labelledby="book-here">
        <h2 id="book-here" className="text-lg font-semibold">
          {t("bk.page.book")}
        </h2>
        {refusal ? (
          <p className="text-slate-700" data-testid="booking-refusal">
            {refusal}
          </p>
        ) : (
          <BookingForm
            action={bookMachineAction}
            machines={[{ id: machine.id, name: machine.name }]}
            initial={{ machineId: String(machine.id), startsAt: `${day}T10:00`, endsAt: `${day}T12:00`, note: "" }}
            labels={{
              machine: t("bk.machine"),
              starts: t("bk.starts"),
              ends: t("bk.ends"),
              note: t("bk.note"),
              submit: t("bk.submit"),
              hint: t("bk.timesIn", { zone: tz }),
            }}
          />
        )}
        <Link className="text-sm underline" href="/bookings">
          {t("bk.mine")}
        </Link>
      </section>
    </div>
  );
}
