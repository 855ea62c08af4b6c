import type { Locale, Translate } from "@/lib/i18n/translate";
import { formatRange } from "@/lib/time";
import { EmptyState } from "@/components/ui/empty-state";

interface Booked {
  id: string | number;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  personName?: string | null;
}

/** A machine's upcoming bookings (loaded by the page: lib/web/machine-bookings.ts), names as each booker allows. */
export function MachineBookingsList({ t, locale, timeZone, items }: { t: Translate; locale: Locale; timeZone: string; items: Booked[] }) {
  return (
    <section className="space-y-2" data-testid="machine-bookings">
      <h2 className="text-lg font-semibold">{t("bk.upcoming")}</h2>
      {items.length === 0 ? (
        <EmptyState>{t("cal.nothing")}</EmptyState>
      ) : (
        <ul className="space-y-1">
          {items.map((i) => (
            <li key={i.id}>
              {formatRange(i.startsAt, i.endsAt, locale, timeZone)}
              {i.kind === "booking" && i.personName && <span className="text-slate-600"> · {i.personName}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
