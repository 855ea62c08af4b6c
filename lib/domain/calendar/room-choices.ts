import { asc } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rooms } from "@/lib/db/schema";

export interface RoomChoice {
  id: number;
  name: string;
}

// The calendar's room filter asks on every request (a query beside the calendar's own, serialized with it on the
// embedded database) for a list that changes when an admin edits rooms. Kept like the space settings
// (space-settings.ts): per handle, dropped by this process's room writes (a process-wide epoch, as Next.js bundles
// pages and actions with their own copies of this module), another process's change shows after TTL_MS.
const TTL_MS = 30_000;
const cache = new WeakMap<Db, { value: readonly RoomChoice[]; at: number; epoch: number }>();
const shared = globalThis as unknown as { __roomChoicesEpoch?: number };
const epoch = () => shared.__roomChoicesEpoch ?? 0;

/** The rooms by name (id and name), for the calendar's filter. */
export async function roomChoices(db: Db): Promise<readonly RoomChoice[]> {
  const hit = cache.get(db);
  if (hit && hit.epoch === epoch() && Date.now() - hit.at < TTL_MS) return hit.value;
  const current = epoch();
  const value = Object.freeze(await db.select({ id: rooms.id, name: rooms.name }).from(rooms).orderBy(asc(rooms.name)));
  cache.set(db, { value, at: Date.now(), epoch: current });
  return value;
}

/** After a room is created, renamed or deleted. */
export function invalidateRoomChoices(db: Db): void {
  cache.delete(db);
  shared.__roomChoicesEpoch = epoch() + 1;
}
