import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiServices, type ApiService } from "@/lib/db/schema";
import { isPermission, type Permission } from "../access/permissions";
import { getSessionPerson } from "../auth/session-person";

/** The rights behind a token right now; null when its owner may not act at all any more. */
export interface OwnerRights {
  kind: "person" | "service";
  /** The owning person; null for a service (a service is never "self" or "partner" to anyone). */
  personId: number | null;
  serviceId: number | null;
  /** For logs and the API's /me: the person's display name or the service's name. */
  name: string;
  held: Set<Permission>;
}

/** A person's rights as on a login: none once the account is disabled, the status may not log in, or erased. */
export async function personRights(db: Db, personId: number): Promise<OwnerRights | null> {
  const person = await getSessionPerson(db, personId);
  if (!person) return null;
  return { kind: "person", personId, serviceId: null, name: person.displayName, held: person.permissions };
}

/**
 * A service's rights: what the admin gave it, bounded by what its sponsor holds today. A disabled service, or one
 * whose sponsor may no longer log in, has none.
 */
export async function serviceRights(db: Db, service: ApiService | number): Promise<OwnerRights | null> {
  const row = typeof service === "number" ? (await db.select().from(apiServices).where(eq(apiServices.id, service)))[0] : service;
  if (!row || row.disabledAt) return null;
  const sponsor = await getSessionPerson(db, row.sponsorId);
  if (!sponsor) return null;
  const held = new Set(row.permissions.filter(isPermission).filter((p) => sponsor.permissions.has(p)));
  return { kind: "service", personId: null, serviceId: row.id, name: row.name, held };
}
