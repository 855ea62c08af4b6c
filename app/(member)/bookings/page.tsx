import { forbidden } from "next/navigation";
import { ActionButton } from "@/components/calendar/action-button";
import { BookingForm } from "@/components/calendar/booking-form";
import { MachineBookingsList } from "@/components/calendar/machine-bookings-list";
import { requireUser } from "@/lib/auth/guards";
import { seesMembersOnly } from "@/lib/domain/access/members-only";
import { upcomingBookingsOf } from "@/lib/domain/calendar/machine-bookings";
import { machineOptions } from "@/lib/domain/equipment/machine-service";
import { getLocale, getT } from "@/lib/i18n/server";
import { addDays, formatRange, isoDate, today } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { bookMachineAction, cancelBookingAction } from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Book a machine (the domain checks the person may use it) and see or cancel one's own bookings. */
export default async function BookingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  // Everyone's bookings are members-only content.
  if (!seesMembersOnly(user)) forbidden();
  const params = await searchParams;
  const db = getDb();
  const [t, locale, space, machineRows, mine] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    machineOptions(db),
    upcomingBookingsOf(db, user.personId),
  ]);
  const tz = space.timeZone;
  const day = isoDate(addDays(today(tz), 1));
  const preselected = typeof params.machine === "string" ? params.machine : String(machineRows[0]?.id ?? "");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("bk.title")}</h1>
      <BookingForm
        action={bookMachineAction}
        machines={machineRows}
        initial={{ machineId: preselected, startsAt: `${day}T10:00`, endsAt: `${day}T12:00`, note: "" }}
        labels={{ machine: t("bk.machine"), starts: t("bk.starts"), ends: t("bk.ends"), note: t("bk.note"), submit: t("bk.submit"), hint: t("bk.timesIn", { zone: tz }) }}
      />
      {Number(preselected) > 0 && <MachineBookingsList machineId={Number(preselected)} viewer={user} />}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("bk.mine")}</h2>
        {mine.length === 0 ? (
          <p className="text-slate-600">{t("bk.none")}</p>
        ) : (
          <ul className="space-y-2">
            {mine.map(({ b, machine }) => (
              <li key={b.id} className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-2">
                <span>
                  {machine}: {formatRange(b.startsAt, b.endsAt, locale, tz)}
                </span>
                {b.note && <span className="text-sm text-slate-600">{b.note}</span>}
                <ActionButton action={cancelBookingAction.bind(null, b.id)} label={t("bk.cancel")} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
