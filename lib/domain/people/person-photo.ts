import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { profiles } from "@/lib/db/schema";
import type { FileStorage } from "@/lib/storage/file-storage";
import { removePhotoFiles, renderPhoto, storePhoto, type PhotoSwap } from "@/lib/storage/photos";
import { recordAudit } from "../audit/record-audit";
import { profileEditRefusal } from "./person-service";
import { fail, notFound, type Result } from "./result";

/**
 * A person's profile photo (self or members.write), rendered like inventory photos: decoded (a renamed PDF is
 * refused), resized to both sizes, metadata (EXIF, GPS) dropped. Files are stored before the profile points at
 * them; the files of a replaced or failed photo are removed.
 */
export async function setPersonPhoto(db: Db, storage: FileStorage, actorId: number, personId: number, data: Buffer): Promise<Result> {
  const refused = await profileEditRefusal(db, actorId, personId);
  if (refused) return refused;
  const rendered = await renderPhoto(data);
  if (!rendered.ok) return fail(rendered.code === "photo_too_large" ? "photo_too_large" : "invalid", rendered.message, { field: "photo" });
  return storePhoto(storage, `people/${personId}`, rendered, (key) => swapPhoto(db, actorId, personId, key));
}

/** Takes the photo away (files included). */
export async function removePersonPhoto(db: Db, storage: FileStorage, actorId: number, personId: number): Promise<Result> {
  const refused = await profileEditRefusal(db, actorId, personId);
  if (refused) return refused;
  const { result, previous } = await swapPhoto(db, actorId, personId, null);
  if (result.ok) await removePhotoFiles(storage, previous);
  return result;
}

async function swapPhoto(db: Db, actorId: number, personId: number, key: string | null): Promise<PhotoSwap<Result>> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ photoPath: profiles.photoPath }).from(profiles).where(eq(profiles.personId, personId)).for("update");
    if (!before) return { result: notFound(), previous: null };
    const previous = before.photoPath;
    if (previous === key) return { result: { ok: true as const }, previous };
    await tx.update(profiles).set({ photoPath: key, updatedAt: new Date() }).where(eq(profiles.personId, personId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: personId,
      changeType: "profile.photo",
      entity: "profile",
      entityId: personId,
      before: { photo: previous },
      after: { photo: key },
    });
    return { result: { ok: true as const }, previous };
  });
}
