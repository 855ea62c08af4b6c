import Link from "next/link";
import { forbidden } from "next/navigation";
import { BookingForm } from "@/components/calendar/booking-form";
import { MachineBookingsList } from "@/components/calendar/machine-bookings-list";
import { MyBookings } from "@/components/calendar/my-bookings";
import { requireUser } from "@/lib/auth/guards";
import { seesMembersOnly } from "@/lib/domain/access/members-only";
import { bookableMachines, upcomingBookingsOf } from "@/lib/domain/calendar/machine-bookings";
import { getLocale, getT } from "@/lib/i18n/server";
import { addDays, formatRange, isoDate, today } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { upcomingMachineBookings } from "@/lib/web/machine-bookings";
import { getSpace } from "@/lib/web/space";
import { bookMachineAction, cancelBookingAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Book one of the machines the member may use (only those are offered) and see or cancel one's own bookings. */
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
    bookableMachines(db, user.personId),
    upcomingBookingsOf(db, user.personId),
  ]);
  const tz = space.timeZone;
  const day = isoDate(addDays(today(tz), 1));
  const asked = typeof params.machine === "string" ? Number(params.machine) : NaN;
  const preselected = machineRows.find((m) => m.id === asked)?.id ?? machineRows[0]?.id ?? 0;
  return (
    <div className="space-y-6">
      <PageTitle>{t("bk.title")}</PageTitle>
      {machineRows.length === 0 ? (
        <p className="text-slate-700" data-testid="booking-refusal">
          {t("bk.noMachines")}{" "}
          <Link className="underline" href="/equipment">
            {t("bk.noMachines.link")}
          </Link>
        </p>
      ) : (
        <>
          <BookingForm
            action={bookMachineAction}
            machines={machineRows}
            followMachine
            initial={{ machineId: String(preselected), startsAt: `${day}T10:00`, endsAt: `${day}T12:00`, note: "" }}
            labels={{
              machine: t("bk.machine"),
              starts: t("bk.starts"),
              ends: t("bk.ends"),
              note: t("bk.note"),
              submit: t("bk.submit"),
              hint: t("bk.timesIn", { zone: tz }),
            }}
          />
          <MachineBookingsList t={t} locale={locale} timeZone={space.timeZone} items={await upcomingMachineBookings(preselected, user)} />
        </>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("bk.mine")}</h2>
        <MyBookings
          action={cancelBookingAction}
          rows={mine.map(({ b, machine }) => {
            const when = formatRange(b.startsAt, b.endsAt, locale, tz);
            return { id: b.id, machine, when, note: b.note, confirm: t("bk.cancelConfirm", { machine, when }) };
          })}
          labels={{ none: t("bk.none"), cancel: t("bk.cancel"), yes: t("bk.cancelYes"), keep: t("bk.cancelKeep") }}
        />
      </section>
    </div>
  );
}
