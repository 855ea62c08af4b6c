import type { Db } from "@/lib/db/client";
import { permissionsOfPerson } from "./person-permissions";
import type { Permission } from "./permissions";

/**
 * Who counts as a member for members-only content: members-only events (and signing up for them), training
 * sessions and machine bookings in the calendar, room schedules, the machine and booking pages, the members' feeds.
 * It is whoever holds `directory.read` — the right every status in good standing grants through the member role,
 * and the same line the profile visibility draws for "members" (visibility.ts). Applicants, former and banned
 * people hold no role, so they see what visitors see.
 */
export function seesMembersOnly(viewer: { permissions: ReadonlySet<Permission> } | null | undefined): boolean {
  return viewer?.permissions.has("directory.read") ?? false;
}

/** The same rule for a person known by id (a feed token's owner, someone signing up), with their current rights. */
export async function personSeesMembersOnly(db: Db, personId: number): Promise<boolean> {
  return seesMembersOnly({ permissions: await permissionsOfPerson(db, personId) });
}
