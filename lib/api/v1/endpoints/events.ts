import { seesMembersOnly as isMemberViewer } from "@/lib/domain/access/members-only";
import { eventItems } from "@/lib/domain/calendar/calendar-queries";
import { getEventDetails } from "@/lib/domain/calendar/event-details";
import { listRegistrationsFor } from "@/lib/domain/calendar/registration-list";
import type { EndpointContext } from "../endpoint";
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, pageParams, querySignature } from "../cursor";
import { defineEndpoint } from "../endpoint";
import { param } from "../params";
import { ApiProblem } from "../problem";
import { pageOf, ref } from "../schemas";

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 366;

/** As on the calendar (lib/domain/access/members-only.ts): members-only events for owners who count as members. */
const seesMembersOnly = ({ viewer }: EndpointContext) => isMemberViewer(viewer);

const eventId = { id: param.integer({ description: "The event's id.", example: "1" }) };

export const eventEndpoints = [
  defineEndpoint({
    operationId: "listEvents",
    method: "GET",
    path: "/events",
    tag: "Events",
    summary: "Event occurrences in a time range",
    description: `Occurrences of events (recurring ones expanded) overlapping [from, to), by start. Members-only events for tokens whose owner counts as a member (holds directory.read: people in good standing, services granted it). At most ${MAX_RANGE_DAYS} days per request.`,
    auth: "token",
    scope: "read:events",
    query: {
      from: param.dateTime({ description: "Start of the range (default: now).", example: "2026-01-01T00:00:00Z" }),
      to: param.dateTime({ description: "End of the range, exclusive (default: 90 days after from).", example: "2026-12-31T00:00:00Z" }),
      ...pageParams,
    },
    response: { schema: pageOf("EventOccurrence"), description: "A page of occurrences." },
    async handle(ctx) {
      const { db, query, search, now } = ctx;
      const from = query.from ?? now;
      const to = query.to ?? new Date(from.getTime() + 90 * DAY);
      if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
        throw new ApiProblem("invalid_request", `to must be after from, at most ${MAX_RANGE_DAYS} days later.`, {
          errors: [{ name: "to", in: "query", message: `after from, within ${MAX_RANGE_DAYS} days` }],
        });
      }
      const signature = querySignature("listEvents", search);
      const after = decodeCursor(query.cursor, signature, 2) as [string, number] | null;
      const limit = query.limit ?? DEFAULT_LIMIT;
      const items = (await eventItems(db, { from, to, includeMembersOnly: seesMembersOnly(ctx) }))
        .flatMap((i) => (i.kind === "event" ? [i] : []))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id)
        .filter((i) => !after || i.startsAt.getTime() > Date.parse(after[0]) || (i.startsAt.getTime() === Date.parse(after[0]) && i.id > after[1]));
      const shown = items.slice(0, limit);
      const last = shown.at(-1);
      return {
        data: shown.map((i) => ({
          eventId: i.id,
          title: i.title,
          startsAt: i.startsAt,
          endsAt: i.endsAt,
          allDay: i.allDay,
          cancelled: i.cancelled,
          public: i.isPublic,
          rooms: i.rooms,
        })),
        nextCursor: items.length > limit && last ? encodeCursor(signature, [last.startsAt.toISOString(), last.id]) : null,
      };
    },
  }),
  defineEndpoint({
    operationId: "getEvent",
    method: "GET",
    path: "/events/{id}",
    tag: "Events",
    summary: "One event",
    auth: "token",
    scope: "read:events",
    pathParams: eventId,
    problems: ["not_found"],
    response: { schema: ref("Event"), description: "The event with its first occurrence's times." },
    async handle(ctx) {
      const details = await getEventDetails(ctx.db, ctx.path.id, ctx.viewer);
      if (!details || (details.event.visibility !== "public" && !seesMembersOnly(ctx))) throw new ApiProblem("not_found", "No event with this id.");
      const e = details.event;
      return {
        id: e.id,
        title: e.title,
        description: e.description,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        allDay: e.allDay,
        timeZone: e.timeZone,
        public: e.visibility === "public",
        cancelled: e.cancelledAt !== null,
        capacity: e.capacity,
        rooms: details.rooms,
        resources: details.resources,
        responsible: details.responsible ? { name: details.responsible.name } : null,
        signedUp: details.signedUp,
        waitlisted: details.waitlisted,
      };
    },
  }),
  defineEndpoint({
    operationId: "listRegistrations",
    method: "GET",
    path: "/events/{id}/registrations",
    tag: "Events",
    summary: "Who registered for an event",
    description: "For the event's responsible person and holders of calendar.write, as on the event page.",
    auth: "token",
    scope: "read:events",
    pathParams: eventId,
    problems: ["forbidden", "not_found"],
    response: {
      schema: { type: "object", required: ["data"], properties: { data: { type: "array", items: ref("Registration") } }, additionalProperties: false },
      description: "Every registration, oldest first.",
    },
    async handle({ db, viewer, path }) {
      const result = await listRegistrationsFor(db, viewer, path.id);
      if (!result.ok)
        throw new ApiProblem(
          result.code === "not_found" ? "not_found" : "forbidden",
          result.code === "not_found" ? "No event with this id." : "Only the responsible person and holders of calendar.write see the registrations.",
        );
      return { data: result.rows };
    },
  }),
];
