import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/lib/db/client";
import { things } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { FileStorage } from "./file-storage";
import { fail, FORBIDDEN, mayEditInventory, type Result } from "./result";

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "heif", "avif", "tiff"]);
export const PHOTO_SIZES = { thumb: 240, display: 1200 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;

export const photoFileKey = (photoKey: string, size: PhotoSize) => `${photoKey}-${size}.webp`;

/** Decodes the upload (so a renamed PDF is caught) and renders both sizes; EXIF rotation applied, metadata dropped. */
export async function renderPhoto(data: Buffer): Promise<Result<{ thumb: Buffer; display: Buffer }>> {
  if (data.length === 0) return fail("photo_not_image", "The file is empty.");
  if (data.length > MAX_PHOTO_BYTES) return fail("photo_too_large", `The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
  try {
    // A pixel limit stops tiny files that decode to gigantic images.
    const meta = await sharp(data, { limitInputPixels: 100_000_000 }).metadata();
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) return fail("photo_not_image", "The file is not a photo (JPEG, PNG, WebP, GIF, HEIF).");
    const render = (edge: number) =>
      sharp(data, { limitInputPixels: 100_000_000 }).rotate().resize(edge, edge, { fit: "inside", withoutEnlargement: true }).webp({ quality: 82 }).toBuffer();
    return { ok: true, thumb: await render(PHOTO_SIZES.thumb), display: await render(PHOTO_SIZES.display) };
  } catch {
    return fail("photo_not_image", "The file is not a photo that can be read (JPEG, PNG, WebP, GIF, HEIF).");
  }
}

/** Stores both sizes first, then points the thing at them; files of a failed or replaced photo are removed. */
export async function setThingPhoto(db: Db, storage: FileStorage, actorId: number, thingId: number, data: Buffer): Promise<Result> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  const rendered = await renderPhoto(data);
  if (!rendered.ok) return rendered;
  const key = `things/${thingId}-${randomBytes(6).toString("hex")}`;
  await storage.put(photoFileKey(key, "thumb"), rendered.thumb);
  await storage.put(photoFileKey(key, "display"), rendered.display);
  let previous: string | null = null;
  try {
    const result = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(things).where(eq(things.id, thingId)).for("update");
      if (!before) return fail("not_found", "This thing does not exist.");
      previous = before.photoKey;
      await tx.update(things).set({ photoKey: key, updatedAt: new Date() }).where(eq(things.id, thingId));
      await recordAudit(tx, { actorId, changeType: "thing.photo", entity: "thing", entityId: thingId, before: { photoKey: before.photoKey }, after: { photoKey: key } });
      return { ok: true as const };
    });
    await removePhotoFiles(storage, result.ok ? previous : key);
    return result;
  } catch (error) {
    await removePhotoFiles(storage, key);
    throw error;
  }
}

async function removePhotoFiles(storage: FileStorage, key: string | null): Promise<void> {
  if (!key) return;
  await Promise.all((Object.keys(PHOTO_SIZES) as PhotoSize[]).map((s) => storage.delete(photoFileKey(key, s))));
}
