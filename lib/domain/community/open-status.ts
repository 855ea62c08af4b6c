import { desc, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { openStatusChanges, type OpenStatusChange } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { describeIssues } from "../shared/result";

export const openStatusInput = z.object({
  open: z.boolean(),
  message: z.string().trim().max(200, "at most 200 characters").default(""),
});

export type OpenStatusActor = { personId: number } | { sensorName: string };

/** The latest change, or null while nobody ever set the status (SpaceAPI then leaves "open" out). */
export async function currentOpenStatus(db: Db): Promise<OpenStatusChange | null> {
  const [row] = await db.select().from(openStatusChanges).orderBy(desc(openStatusChanges.at), desc(openStatusChanges.id)).limit(1);
  return row ?? null;
}

/**
 * Staff (space.open) or an authenticated sensor open or close the space. Setting the same state again still
 * records a row (the message may change) but keeps "since" honest: callers show the first row of the run.
 */
export async function setOpenStatus(
  db: Db,
  actor: OpenStatusActor,
  raw: z.input<typeof openStatusInput>,
  now = new Date(),
): Promise<Result<{ change: OpenStatusChange }>> {
  const parsed = openStatusInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", describeIssues(parsed.error.issues));
  if ("personId" in actor && !(await actorMay(db, actor.personId, "space.open"))) {
    return fail("forbidden", "You may not change the open status.");
  }
  return db.transaction(async (tx) => {
    const [change] = await tx
      .insert(openStatusChanges)
      .values({
        open: parsed.data.open,
        message: parsed.data.message,
        changedById: "personId" in actor ? actor.personId : null,
        sensorName: "sensorName" in actor ? actor.sensorName : null,
        at: now,
      })
      .returning();
    await recordAudit(tx, {
      actorId: "personId" in actor ? actor.personId : null,
      changeType: parsed.data.open ? "space.open" : "space.close",
      entity: "open_status_changes",
      entityId: change!.id,
      after: { open: change!.open, message: change!.message, sensorName: change!.sensorName },
    });
    return { ok: true as const, change: change! };
  });
}

/**
 * Since when the space has been in its current state: the first change of the latest run of equal states. One
 * named statement and one row (the start page asks on every request; it read up to 200 rows of history): the
 * latest change, and the first change after the latest one of the other state — or the first change ever when
 * there is none. Changes are ordered by (at, id), as the history is. Both look-ups are index conditions however long
 * the history: "= not" (not "<>") reads the other state's latest change from the end of the (open, at, id) index
 * instead of walking the current run, and the lateral join starts the (at, id) index at it instead of at the oldest row.
 */
export async function openSince(db: Db): Promise<{ open: boolean; since: Date; message: string } | null> {
  const latest = db
    .select({ open: openStatusChanges.open, message: openStatusChanges.message })
    .from(openStatusChanges)
    .orderBy(desc(openStatusChanges.at), desc(openStatusChanges.id))
    .limit(1)
    .as("latest");
  const [row] = await db
    .select({
      open: latest.open,
      message: latest.message,
      since: sql<Date>`coalesce(
        (select n.at from
          (select d.at, d.id from ${openStatusChanges} d where d.open = not latest.open order by d.at desc, d.id desc limit 1) other
          cross join lateral
          (select c.at from ${openStatusChanges} c where (c.at, c.id) > (other.at, other.id) order by c.at, c.id limit 1) n),
        (select min(f.at) from ${openStatusChanges} f))`.mapWith(openStatusChanges.at),
    })
    .from(latest)
    .prepare("open_since")
    .execute();
  return row ?? null;
}
