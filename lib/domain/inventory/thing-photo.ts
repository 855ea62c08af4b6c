import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { things } from "@/lib/db/schema";
import type { FileStorage } from "@/lib/storage/file-storage";
import { renderPhoto, storePhoto } from "@/lib/storage/photos";
import { recordAudit } from "../audit/record-audit";
import { fail, FORBIDDEN, type Result } from "./result";
import { mayEditInventory } from "./may-edit";

/** A thing's photo (inventory.write): stored in both sizes before the thing points at it, the replaced files removed. */
export async function setThingPhoto(db: Db, storage: FileStorage, actorId: number, thingId: number, data: Buffer): Promise<Result> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  const rendered = await renderPhoto(data);
  if (!rendered.ok) return rendered;
  return storePhoto<Result>(storage, `things/${thingId}`, rendered, (key) =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(things).where(eq(things.id, thingId)).for("update");
      if (!before) return { result: fail("not_found", "This thing does not exist."), previous: null };
      await tx.update(things).set({ photoKey: key, updatedAt: new Date() }).where(eq(things.id, thingId));
      await recordAudit(tx, {
        actorId,
        changeType: "thing.photo",
        entity: "thing",
        entityId: thingId,
        before: { photoKey: before.photoKey },
        after: { photoKey: key },
      });
      return { result: { ok: true as const }, previous: before.photoKey };
    }),
  );
}
