import { getDb } from "@/lib/web/db";
import { photoFileKey, PHOTO_SIZES, type PhotoSize } from "@/lib/storage/photos";
import { getThingByNumber } from "@/lib/domain/inventory/things";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { inventoryViewerOrNull } from "@/lib/web/inventory";

/** A thing's photo, only for people who may view the inventory. */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string; size: string }> }) {
  if (!(await inventoryViewerOrNull())) return new Response("Forbidden", { status: 403 });
  const { number, size } = await params;
  if (!Object.hasOwn(PHOTO_SIZES, size) || !/^\d{1,9}$/.test(number)) return new Response("Not found", { status: 404 });
  const thing = await getThingByNumber(getDb(), Number(number));
  const data = thing?.photoKey ? await getFileStorage().get(photoFileKey(thing.photoKey, size as PhotoSize)) : null;
  if (!data) return new Response("Not found", { status: 404 });
  // The key changes with every new photo, so the browser may cache privately.
  return new Response(new Uint8Array(data), {
    headers: { "content-type": "image/webp", "cache-control": "private, max-age=3600", "x-content-type-options": "nosniff" },
  });
}
