import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ActionButton } from "@/components/forms/action-button";
import { GuestForm } from "@/components/calendar/guest-form";
import { RegistrationList } from "@/components/calendar/registration-list";
import { Markdown } from "@/components/markdown/markdown";
import { getCurrentUser } from "@/lib/auth/current-user";
import { seesMembersOnly } from "@/lib/domain/access/members-only";
import { getEventDetails } from "@/lib/domain/calendar/event-details";
import { listRegistrations } from "@/lib/domain/calendar/registration-list";
import { activeRegistrationOf } from "@/lib/domain/calendar/registrations";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDate, formatRange } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { guestRegisterAction, registerAction, setCancelledAction, unregisterAction } from "./actions";
import { eventByRef } from "@/lib/domain/calendar/event-ref";
import { PageTitle } from "@/components/ui/page-title";
import { ButtonLink } from "@/components/ui/button";

/**
 * An event at /events/<slug>: details, sign-up or cancel, and for its responsible person the list with a CSV export.
 * /events/<number> (older links) redirects to the slug.
 */
export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const ref = (await params).id;
  const db = getDb();
  const found = await eventByRef(db, ref);
  if (!found) notFound();
  const { id } = found;
  const [t, locale, user] = await Promise.all([getT(), getLocale(), getCurrentUser()]);
  const details = await getEventDetails(db, id, user);
  // Members-only events do not exist for visitors, applicants and others who do not count as members.
  if (!details || (details.event.visibility !== "public" && !seesMembersOnly(user))) notFound();
  // Only after the visibility check: the redirect would name a members-only event's title.
  if (ref !== found.slug) redirect(`/events/${found.slug}`);
  const { event } = details;
  const tz = event.timeZone;
  const mine = user ? await activeRegistrationOf(db, id, user.personId) : null;
  const list = user ? await listRegistrations(db, user.personId, id) : null;
  const canWrite = user?.permissions.has("calendar.write") ?? false;
  const when = event.allDay
    ? `${formatDate(event.startsAt, locale, tz)} (${t("cal.allDay")})`
    : `${formatRange(event.startsAt, event.endsAt, locale, tz)} (${tz})`;

  return (
    <article className="space-y-4">
      <PageTitle>{event.title}</PageTitle>
      {event.cancelledAt && (
        <p role="status" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {t("ev.cancelled")}
        </p>
      )}
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">{t("ev.when")}</dt>
        <dd data-testid="event-when">
          {when}
          {event.recurrenceFreq && (
            <span className="block text-sm text-slate-600">{t(`ev.repeats.${event.recurrenceFreq}`, { interval: event.recurrenceInterval })}</span>
          )}
        </dd>
        {details.rooms.length > 0 && (
          <>
            <dt className="font-medium">{t("ev.where")}</dt>
            <dd>
              {details.rooms.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ", "}
                  <Link className="underline" href={`/rooms/${r.id}`}>
                    {r.name}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        )}
        {details.resources.length > 0 && (
          <>
            <dt className="font-medium">{t("ev.resources")}</dt>
            <dd>{details.resources.map((r) => r.name).join(", ")}</dd>
          </>
        )}
        {details.things.length > 0 && (
          <>
            <dt className="font-medium">{t("ev.things")}</dt>
            <dd>
              {details.things.map((x, i) => (
                <span key={x.number}>
                  {i > 0 && ", "}
                  <Link className="underline" href={`/things/${x.number}`}>
                    {x.name}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        )}
        {details.responsible?.name && (
          <>
            <dt className="font-medium">{t("ev.responsible")}</dt>
            <dd>{details.responsible.name}</dd>
          </>
        )}
        <dt className="font-medium">{t("ev.visibility")}</dt>
        <dd>{t(`ev.visibility.${event.visibility}`)}</dd>
        <dt className="font-medium">{t("ev.capacity")}</dt>
        <dd>{t("ev.places", { taken: details.signedUp, capacity: event.capacity ?? t("ev.unlimited"), waiting: details.waitlisted })}</dd>
      </dl>
      {/* A safe Markdown subset; member-typed HTML stays text, only http(s)/mailto links become links. */}
      {event.description && <Markdown source={event.description} className="space-y-2 rounded bg-white p-3" testId="event-description" />}

      {!event.cancelledAt && user && (
        <section className="space-y-2">
          {mine ? (
            <>
              <p role="status">{t(`ev.youAre.${mine.status as "signed_up" | "waitlisted"}`)}</p>
              <ActionButton
                action={unregisterAction.bind(null, id, mine.id)}
                label={t("ev.unregister")}
                confirm={t("ev.unregisterConfirm", { title: event.title })}
                detail=""
              />
            </>
          ) : (
            <ActionButton action={registerAction.bind(null, id)} label={t("ev.register")} />
          )}
        </section>
      )}
      {!event.cancelledAt && !user && event.visibility === "public" && (
        <section className="max-w-md space-y-2">
          <h2 className="text-lg font-semibold">{t("ev.guest.title")}</h2>
          <GuestForm
            action={guestRegisterAction.bind(null, id)}
            labels={{ name: t("ev.guest.name"), email: t("ev.guest.email"), submit: t("ev.guest.submit") }}
          />
        </section>
      )}
      {canWrite && (
        <div className="flex flex-wrap gap-2">
          <ButtonLink look="secondary" size="normal" href={`/admin/events/${id}/edit`}>
            {t("ev.edit")}
          </ButtonLink>
          {event.cancelledAt ? (
            <ActionButton action={setCancelledAction.bind(null, id, false)} label={t("ev.restoreEvent")} />
          ) : (
            <ActionButton
              action={setCancelledAction.bind(null, id, true)}
              label={t("ev.cancelEvent")}
              confirm={t("ev.cancelEventConfirm", { title: event.title })}
              detail={t("ev.cancelEventDetail")}
            />
          )}
        </div>
      )}
      {list?.ok && <RegistrationList eventId={id} rows={list.rows} t={t} />}
    </article>
  );
}
