import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { machines } from "@/lib/db/schema";
import type { FileStorage } from "@/lib/storage/file-storage";
import { renderPhoto, storePhoto } from "@/lib/storage/photos";
import { recordAudit } from "../audit/record-audit";
import { hasPermission } from "./authority";
import { fail, type Result } from "./result";

export type MachinePhotoFailure = "forbidden" | "not_found" | "photo_not_image" | "photo_too_large";

/**
 * A machine's photo, rendered like inventory photos (decoded, resized, metadata dropped). Both sizes are stored
 * before the machine points at them; the files of a replaced or failed photo are removed.
 */
export async function setMachinePhoto(
  db: Db,
  storage: FileStorage,
  actorId: number,
  machineId: number,
  data: Buffer,
): Promise<Result<object, MachinePhotoFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage machines.");
  const rendered = await renderPhoto(data);
  if (!rendered.ok) return fail(rendered.code, rendered.message);
  return storePhoto<Result<object, MachinePhotoFailure>>(storage, `machines/${machineId}`, rendered, (key) =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(machines).where(eq(machines.id, machineId)).for("update");
      if (!before) return { result: fail("not_found" as const, "This machine does not exist."), previous: null };
      await tx.update(machines).set({ photoPath: key, updatedAt: new Date() }).where(eq(machines.id, machineId));
      await recordAudit(tx, {
        actorId,
        changeType: "machine.photo",
        entity: "machine",
        entityId: machineId,
        before: { photoPath: before.photoPath },
        after: { photoPath: key },
      });
      return { result: { ok: true as const }, previous: before.photoPath };
    }),
  );
}
