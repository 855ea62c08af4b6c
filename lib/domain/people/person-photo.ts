import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { profiles } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { FileStorage } from "../inventory/file-storage";
import { photoFileKey, PHOTO_SIZES, renderPhoto, type PhotoSize } from "../inventory/photos";
import { mayEditProfile } from "./person-service";
import { fail, forbidden, notFound, type Result } from "./result";

/**
 * A person's profile photo (self or members.write), rendered like inventory photos: decoded (a renamed PDF is
 * refused), resized to both sizes, metadata (EXIF, GPS) dropped. Files are stored before the profile points at
 * them; the files of a replaced or failed photo are removed.
 */
export async function setPersonPhoto(db: Db, storage: FileStorage, actorId: number, personId: number, data: Buffer): Promise<Result> {
  if (!(await mayEditProfile(db, actorId, personId))) return forbidden();
  const rendered = await renderPhoto(data);
  if (!rendered.ok) return fail(rendered.code === "photo_too_large" ? "photo_too_large" : "invalid", rendered.message, { field: "photo" });
  const key = `people/${personId}-${randomBytes(6).toString("hex")}`;
  await storage.put(photoFileKey(key, "thumb"), rendered.thumb);
  await storage.put(photoFileKey(key, "display"), rendered.display);
  let previous: string | null = null;
  try {
    const result = await replacePhoto(db, actorId, personId, key, (before) => (previous = before));
    await removePersonPhotoFiles(storage, result.ok ? previous : key);
    return result;
  } catch (error) {
    await removePersonPhotoFiles(storage, key);
    throw error;
  }
}

/** Takes the photo away (files included). */
export async function removePersonPhoto(db: Db, storage: FileStorage, actorId: number, personId: number): Promise<Result> {
  if (!(await mayEditProfile(db, actorId, personId))) return forbidden();
  let previous: string | null = null;
  const result = await replacePhoto(db, actorId, personId, null, (before) => (previous = before));
  if (result.ok) await removePersonPhotoFiles(storage, previous);
  return result;
}

async function replacePhoto(db: Db, actorId: number, personId: number, key: string | null, seen: (before: string | null) => void): Promise<Result> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ photoPath: profiles.photoPath }).from(profiles).where(eq(profiles.personId, personId)).for("update");
    if (!before) return notFound();
    seen(before.photoPath);
    if (before.photoPath === key) return { ok: true as const };
    await tx.update(profiles).set({ photoPath: key, updatedAt: new Date() }).where(eq(profiles.personId, personId));
    await recordAudit(tx, { actorId, subjectPersonId: personId, changeType: "profile.photo", entity: "profile", entityId: personId, before: { photo: before.photoPath }, after: { photo: key } });
    return { ok: true as const };
  });
}

/** Both rendered sizes of a stored photo; used on replace, removal and GDPR erasure. */
export async function removePersonPhotoFiles(storage: FileStorage, key: string | null): Promise<void> {
  if (!key) return;
  await Promise.all((Object.keys(PHOTO_SIZES) as PhotoSize[]).map((s) => storage.delete(photoFileKey(key, s))));
}
