import { getCurrentUser } from "@/lib/auth/current-user";
import { getMachine } from "@/lib/domain/equipment/machine-service";
import { photoFileKey, PHOTO_SIZES, type PhotoSize } from "@/lib/storage/photos";
import { getDb } from "@/lib/web/db";
import { getFileStorage } from "@/lib/storage/storage-from-env";

/** A machine's photo, for anyone logged in (members see the machines they train on). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; size: string }> }) {
  if (!(await getCurrentUser())) return new Response("Forbidden", { status: 403 });
  const { id, size } = await params;
  if (!Object.hasOwn(PHOTO_SIZES, size) || !/^\d{1,9}$/.test(id)) return new Response("Not found", { status: 404 });
  const machine = await getMachine(getDb(), Number(id));
  const data = machine?.photoPath ? await getFileStorage().get(photoFileKey(machine.photoPath, size as PhotoSize)) : null;
  if (!data) return new Response("Not found", { status: 404 });
  // The key changes with every new photo, so the browser may cache privately.
  return new Response(new Uint8Array(data), {
    headers: { "content-type": "image/webp", "cache-control": "private, max-age=3600", "x-content-type-options": "nosniff" },
  });
}
