import { asc } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rooms } from "@/lib/db/schema";
import { currentSettingsVersion, forgetSettingsVersions } from "@/lib/domain/settings/settings-version";

export interface RoomChoice {
  id: number;
  name: string;
}

// The calendar's room filter asks on every request (a query beside the calendar's own, serialized with it on the
// embedded database) for a list that changes when an admin edits rooms. Kept like the space settings
// (space-settings.ts): per handle and process-wide (Next.js bundles pages and actions with their own copies of this
// module), per settings version (a room write bumps it: settings-version.ts), so another process's change shows at
// its next check.
const shared = globalThis as unknown as { __roomChoicesCache?: WeakMap<Db, { value: readonly RoomChoice[]; version: string }> };
const cache = (shared.__roomChoicesCache ??= new WeakMap());

/** The rooms by name (id and name), for the calendar's filter. */
export async function roomChoices(db: Db): Promise<readonly RoomChoice[]> {
  // Read before the rooms: rooms read after it are at least that new.
  const version = await currentSettingsVersion(db);
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.value;
  const value = Object.freeze(await db.select({ id: rooms.id, name: rooms.name }).from(rooms).orderBy(asc(rooms.name)));
  cache.set(db, { value, version });
  return value;
}

/** After a room is created, renamed or deleted by this process: the next read loads the list, every other handle checks. */
export function invalidateRoomChoices(db: Db): void {
  cache.delete(db);
  forgetSettingsVersions();
}
