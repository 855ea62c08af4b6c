import { currentViewer } from "@/lib/auth/viewer";
import { photoFileKey, PHOTO_SIZES, type PhotoSize } from "@/lib/storage/photos";
import { viewPerson } from "@/lib/domain/people/directory";
import { getDb } from "@/lib/web/db";
import { getFileStorage } from "@/lib/storage/storage-from-env";

/** A person's photo, only for viewers the person's "photo" visibility lets see it (the same rule as the directory). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; size: string }> }) {
  const { id, size } = await params;
  if (!Object.hasOwn(PHOTO_SIZES, size) || !/^\d{1,9}$/.test(id)) return new Response("Not found", { status: 404 });
  const entry = await viewPerson(getDb(), await currentViewer(), Number(id));
  const key = typeof entry?.fields.photo === "string" ? entry.fields.photo : null;
  const data = key ? await getFileStorage().get(photoFileKey(key, size as PhotoSize)) : null;
  if (!data) return new Response("Not found", { status: 404 });
  // Visibility can change at any time: the browser may keep it only briefly and only for this user.
  return new Response(new Uint8Array(data), {
    headers: { "content-type": "image/webp", "cache-control": "private, max-age=60", "x-content-type-options": "nosniff" },
  });
}
