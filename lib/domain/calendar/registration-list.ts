import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { eventRegistrations, events, profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { mayViewField, type Viewer } from "../people/visibility";
import type { Translate } from "@/lib/i18n/translate";
import { columnHeaders } from "../shared/column-headers";
import { toCsv } from "../shared/csv";
import { fail, type CalendarResult } from "./result";

export interface RegistrationRow {
  id: number;
  name: string;
  email: string;
  guest: boolean;
  status: string;
  createdAt: Date;
}

/** The list for the responsible person (or anyone with calendar.write). */
export async function listRegistrations(db: Db, actorId: number, eventId: number): Promise<CalendarResult<{ rows: RegistrationRow[] }>> {
  return listRegistrationsFor(db, { personId: actorId, permissions: await permissionsOfPerson(db, actorId) }, eventId);
}

/** The same list for a viewer whose permissions are known (the API: a token's share of its owner's rights). */
export async function listRegistrationsFor(db: Db, viewer: Viewer, eventId: number): Promise<CalendarResult<{ rows: RegistrationRow[] }>> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) return fail("not_found", "no such event");
  const responsible = viewer.personId !== null && event.responsiblePersonId === viewer.personId;
  if (!responsible && !viewer.permissions.has("calendar.write")) {
    return fail("forbidden", "only the responsible person sees the list");
  }
  const rows = await db
    .select({ r: eventRegistrations, p: profiles })
    .from(eventRegistrations)
    .leftJoin(profiles, eq(profiles.personId, eventRegistrations.personId))
    .where(eq(eventRegistrations.eventId, eventId))
    .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));
  // A member's name and email as they let this viewer see them (the organiser is not the board); a guest gave
  // theirs to the organiser by registering.
  const shown = (p: NonNullable<(typeof rows)[number]["p"]>, field: "name" | "email") => mayViewField(viewer, p, field);
  return {
    ok: true,
    rows: rows.map(({ r, p }) => ({
      id: r.id,
      name: p ? (shown(p, "name") && `${p.firstName} ${p.lastName}`.trim()) || `#${p.personId}` : (r.guestName ?? ""),
      email: p ? (shown(p, "email") ? (p.email ?? "") : "") : (r.guestEmail ?? ""),
      guest: r.personId === null,
      status: r.status,
      createdAt: r.createdAt,
    })),
  };
}

/** The registration list as CSV (lib/domain/shared/csv.ts: quoted, formula-safe), headers in the reader's language. */
export function registrationsCsv(t: Translate, rows: RegistrationRow[]): string {
  return toCsv([
    columnHeaders(t, ["name", "email", "guest", "status", "registered_at"]),
    ...rows.map((r) => [r.name, r.email, r.guest ? "yes" : "no", r.status, r.createdAt.toISOString()]),
  ]);
}
