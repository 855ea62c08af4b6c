import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { machines } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { FileStorage } from "../inventory/file-storage";
import { photoFileKey, PHOTO_SIZES, renderPhoto, type PhotoSize } from "../inventory/photos";
import { hasPermission } from "./authority";
import { fail, type Result } from "./result";

export type MachinePhotoFailure = "forbidden" | "not_found" | "photo_not_image" | "photo_too_large";

/**
 * A machine's photo, rendered like inventory photos (decoded, resized, metadata dropped). Both sizes are stored
 * before the machine points at them; the files of a replaced or failed photo are removed.
 */
export async function setMachinePhoto(db: Db, storage: FileStorage, actorId: number, machineId: number, data: Buffer): Promise<Result<object, MachinePhotoFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage machines.");
  const rendered = await renderPhoto(data);
  if (!rendered.ok) return fail(rendered.code === "photo_too_large" ? "photo_too_large" : "photo_not_image", rendered.message);
  const key = `machines/${machineId}-${randomBytes(6).toString("hex")}`;
  await storage.put(photoFileKey(key, "thumb"), rendered.thumb);
  await storage.put(photoFileKey(key, "display"), rendered.display);
  let previous: string | null = null;
  try {
    const result = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(machines).where(eq(machines.id, machineId)).for("update");
      if (!before) return fail("not_found" as const, "This machine does not exist.");
      previous = before.photoPath;
      await tx.update(machines).set({ photoPath: key, updatedAt: new Date() }).where(eq(machines.id, machineId));
      await recordAudit(tx, { actorId, changeType: "machine.photo", entity: "machine", entityId: machineId, before: { photoPath: before.photoPath }, after: { photoPath: key } });
      return { ok: true as const };
    });
    await removeFiles(storage, result.ok ? previous : key);
    return result;
  } catch (error) {
    await removeFiles(storage, key);
    throw error;
  }
}

async function removeFiles(storage: FileStorage, key: string | null): Promise<void> {
  if (!key) return;
  await Promise.all((Object.keys(PHOTO_SIZES) as PhotoSize[]).map((s) => storage.delete(photoFileKey(key, s))));
}
