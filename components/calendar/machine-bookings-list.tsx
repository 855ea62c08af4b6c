import type { Viewer } from "@/lib/domain/people/visibility";
import { bookingItems } from "@/lib/domain/calendar/calendar-queries";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatRange } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";

/** A machine's bookings for the next four weeks, for the booking page and the machine page (names as each booker allows). */
export async function MachineBookingsList({ machineId, viewer }: { machineId: number; viewer: Viewer }) {
  const [t, locale, space] = await Promise.all([getT(), getLocale(), getSpace()]);
  const now = new Date();
  const items = await bookingItems(getDb(), { from: now, to: new Date(now.getTime() + 28 * 86_400_000), includeMembersOnly: true, machineId, viewer });
  return (
    <section className="space-y-2" data-testid="machine-bookings">
      <h2 className="text-lg font-semibold">{t("bk.upcoming")}</h2>
      {items.length === 0 ? (
        <p className="text-slate-600">{t("cal.nothing")}</p>
      ) : (
        <ul className="space-y-1">
          {items.map((i) => (
            <li key={i.id}>
              {formatRange(i.startsAt, i.endsAt, locale, space.timeZone)}
              {i.kind === "booking" && i.personName && <span className="text-slate-600"> · {i.personName}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
