import { notFound } from "next/navigation";
import { EventForm } from "@/components/calendar/event-form";
import { requirePermission } from "@/lib/auth/guards";
import { getEventDetails } from "@/lib/domain/calendar/event-details";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { valuesOf } from "@/lib/web/event-form-data";
import { eventFormProps } from "@/lib/web/event-form-page";
import { getSpace } from "@/lib/web/space";
import { saveEventAction } from "../../actions";
import { parseId } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("calendar.write");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [t, space, details] = await Promise.all([getT(), getSpace(), getEventDetails(getDb(), id, user)]);
  if (!details) notFound();
  const props = await eventFormProps(t, space.timeZone);
  const initial = valuesOf(
    details.event,
    details.rooms.map((r) => r.id),
    details.resources.map((r) => r.id),
    details.responsible?.memberNumber ?? null,
    details.things.map((x) => x.number),
  );
  if (!props.timeZones.includes(details.event.timeZone)) props.timeZones.push(details.event.timeZone);
  return (
    <div className="space-y-4">
      <PageTitle>{t("evf.editTitle")}</PageTitle>
      <EventForm action={saveEventAction.bind(null, id)} initial={initial} {...props} />
    </div>
  );
}
