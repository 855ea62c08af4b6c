import { randomBytes } from "node:crypto";
import sharp from "sharp";
import type { FileStorage } from "./file-storage";

/** Photos of things, people and machines: one upload rendered into two sizes of WebP, stored under one key. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "heif", "avif", "tiff"]);
export const PHOTO_SIZES = { thumb: 240, display: 1200 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;

export const photoFileKey = (photoKey: string, size: PhotoSize) => `${photoKey}-${size}.webp`;

export type PhotoFailure = { ok: false; code: "photo_not_image" | "photo_too_large"; message: string };
export type RenderedPhoto = { ok: true; thumb: Buffer; display: Buffer };

/** Decodes the upload (so a renamed PDF is caught) and renders both sizes; EXIF rotation applied, metadata dropped. */
export async function renderPhoto(data: Buffer): Promise<RenderedPhoto | PhotoFailure> {
  if (data.length === 0) return { ok: false, code: "photo_not_image", message: "The file is empty." };
  if (data.length > MAX_PHOTO_BYTES) return { ok: false, code: "photo_too_large", message: `The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.` };
  try {
    // A pixel limit stops tiny files that decode to gigantic images.
    const meta = await sharp(data, { limitInputPixels: 100_000_000 }).metadata();
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format))
      return { ok: false, code: "photo_not_image", message: "The file is not a photo (JPEG, PNG, WebP, GIF, HEIF)." };
    const render = (edge: number) =>
      sharp(data, { limitInputPixels: 100_000_000 }).rotate().resize(edge, edge, { fit: "inside", withoutEnlargement: true }).webp({ quality: 82 }).toBuffer();
    return { ok: true, thumb: await render(PHOTO_SIZES.thumb), display: await render(PHOTO_SIZES.display) };
  } catch {
    return { ok: false, code: "photo_not_image", message: "The file is not a photo that can be read (JPEG, PNG, WebP, GIF, HEIF)." };
  }
}

/** What the owner's record said before the swap, and whether the swap happened. */
export interface PhotoSwap<R extends { ok: boolean }> {
  result: R;
  previous: string | null;
}

/**
 * Stores both sizes under a fresh key (`<prefix>-<random>`) first, then lets `swap` point the owner's record at it
 * (in its own transaction). The files of the replaced photo are removed after a swap; the new files when the swap
 * refuses or throws, so no file is left that nothing points to.
 */
export async function storePhoto<R extends { ok: boolean }>(
  storage: FileStorage,
  prefix: string,
  rendered: RenderedPhoto,
  swap: (key: string) => Promise<PhotoSwap<R>>,
): Promise<R> {
  const key = `${prefix}-${randomBytes(6).toString("hex")}`;
  await storage.put(photoFileKey(key, "thumb"), rendered.thumb);
  await storage.put(photoFileKey(key, "display"), rendered.display);
  try {
    const { result, previous } = await swap(key);
    await removePhotoFiles(storage, result.ok ? previous : key);
    return result;
  } catch (error) {
    await removePhotoFiles(storage, key);
    throw error;
  }
}

/** Both rendered sizes of a stored photo; used on replace, removal and GDPR erasure. */
export async function removePhotoFiles(storage: FileStorage, key: string | null): Promise<void> {
  if (!key) return;
  await Promise.all((Object.keys(PHOTO_SIZES) as PhotoSize[]).map((s) => storage.delete(photoFileKey(key, s))));
}
