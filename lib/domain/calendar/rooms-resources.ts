import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { eventResources, eventRooms, resources, rooms } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { diffValues, recordAudit } from "../audit/record-audit";
import { fail, type CalendarResult } from "./result";
import { uniqueViolation } from "../shared/db-errors";
import { oneLineName } from "../shared/one-line-name";
import { invalidateRoomChoices } from "./room-choices";

const roomSchema = z.object({ name: oneLineName(120), description: z.string().trim().max(2000).default("") });
const resourceSchema = roomSchema.extend({ machineId: z.coerce.number().int().positive().nullable().default(null) });

type Kind = "room" | "resource";

/** Creates (id absent) or edits a room or a resource; names are unique, a machine is linked to at most one resource. */
export async function saveBookable(
  db: Db,
  actorId: number,
  kind: Kind,
  raw: { name: string; description?: string; machineId?: number | string | null },
  id?: number,
): Promise<CalendarResult<{ id: number }>> {
  if (!(await permissionsOfPerson(db, actorId)).has("calendar.write")) return fail("forbidden", "calendar.write is required");
  const parsed = (kind === "room" ? roomSchema : resourceSchema).safeParse(raw);
  if (!parsed.success) return fail("validation", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const table = kind === "room" ? rooms : resources;
  try {
    const result = await db.transaction(async (tx) => {
      if (id === undefined) {
        const [row] = await tx.insert(table).values(parsed.data).returning();
        await recordAudit(tx, { actorId, changeType: `${kind}.create`, entity: kind, entityId: row!.id, after: parsed.data });
        return { ok: true as const, id: row!.id };
      }
      const [before] = await tx.select().from(table).where(eq(table.id, id)).for("update");
      if (!before) return fail("not_found", `no such ${kind}`);
      await tx
        .update(table)
        .set({ ...parsed.data, updatedAt: new Date() })
        .where(eq(table.id, id));
      const pickBefore = Object.fromEntries(Object.keys(parsed.data).map((k) => [k, (before as Record<string, unknown>)[k]])) as typeof parsed.data;
      await recordAudit(tx, { actorId, changeType: `${kind}.update`, entity: kind, entityId: id, ...diffValues(pickBefore, parsed.data) });
      return { ok: true as const, id };
    });
    if (kind === "room" && result.ok) invalidateRoomChoices(db);
    return result;
  } catch (error) {
    if (uniqueViolation(error) !== null)
      return fail("validation", kind === "room" ? "a room with this name exists" : "name or machine already used by another resource");
    throw error;
  }
}

/** Deleting is allowed only while no event uses it (events keep their history). */
export async function deleteBookable(db: Db, actorId: number, kind: Kind, id: number): Promise<CalendarResult> {
  if (!(await permissionsOfPerson(db, actorId)).has("calendar.write")) return fail("forbidden", "calendar.write is required");
  const result = await db.transaction(async (tx) => {
    const used =
      kind === "room"
        ? await tx.select().from(eventRooms).where(eq(eventRooms.roomId, id)).limit(1)
        : await tx.select().from(eventResources).where(eq(eventResources.resourceId, id)).limit(1);
    if (used.length) return fail("validation", `the ${kind} is used by events; edit those first`);
    const table = kind === "room" ? rooms : resources;
    const [row] = await tx.delete(table).where(eq(table.id, id)).returning();
    if (!row) return fail("not_found", `no such ${kind}`);
    await recordAudit(tx, { actorId, changeType: `${kind}.delete`, entity: kind, entityId: id, before: { name: row.name } });
    return { ok: true as const };
  });
  if (kind === "room" && result.ok) invalidateRoomChoices(db);
  return result;
}
