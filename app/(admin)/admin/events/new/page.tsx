import { EventForm } from "@/components/calendar/event-form";
import { requirePermission } from "@/lib/auth/guards";
import { getT } from "@/lib/i18n/server";
import { addDays, isoDate, today } from "@/lib/time";
import { eventFormProps } from "@/lib/web/event-form-page";
import { getSpace } from "@/lib/web/space";
import { saveEventAction } from "../actions";
import { PageTitle } from "@/components/ui/page-title";

export default async function NewEventPage() {
  await requirePermission("calendar.write");
  const [t, space] = await Promise.all([getT(), getSpace()]);
  const props = await eventFormProps(t, space.timeZone);
  const day = isoDate(addDays(today(space.timeZone), 1));
  const initial = { startsAt: `${day}T19:00`, endsAt: `${day}T21:00`, timeZone: space.timeZone, visibility: "members", interval: "1" };
  return (
    <div className="space-y-4">
      <PageTitle>{t("evf.newTitle")}</PageTitle>
      <EventForm action={saveEventAction.bind(null, null)} initial={initial} {...props} />
    </div>
  );
}
