import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { events } from "@/lib/db/schema";
import { parseId } from "../shared/ids";
import { isSlug } from "../shared/slugs";

/**
 * The event an address /events/<ref> names: by its slug (the readable address), or by its number (older links,
 * which the page redirects to the slug). Null for anything else. Whether the viewer may see it is the page's check.
 */
export async function eventByRef(db: Db, ref: string): Promise<{ id: number; slug: string } | null> {
  const id = parseId(ref);
  if (id === null && !isSlug(ref)) return null;
  const [row] = await db
    .select({ id: events.id, slug: events.slug })
    .from(events)
    .where(id === null ? eq(events.slug, ref) : eq(events.id, id));
  return row ?? null;
}
