import { getCurrentUser } from "@/lib/auth/current-user";
import { MAX_UPLOAD_BYTES, storeImportUpload } from "@/lib/domain/import/uploads";
import { getDb } from "@/lib/web/db";

const PAGE = "/admin/import/fabomatic";

/**
 * The Fab-O-Matic database upload (a plain form post: the file can be larger than a server action takes). Stores
 * it for the dry run and sends the browser to the page that shows the dry run. system.admin only; same-origin only.
 */
export async function POST(request: Request): Promise<Response> {
  const back = (query: string) => new Response(null, { status: 303, headers: { location: `${PAGE}?${query}` } });
  const user = await getCurrentUser();
  if (!user) return new Response("Not logged in", { status: 401 });
  if (!user.permissions.has("system.admin")) return new Response("Forbidden", { status: 403 });
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && new URL(origin).host !== request.headers.get("host"))
    return new Response("Cross-site upload refused", { status: 403 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) return back("error=too_large");
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return back("error=no_file");
  }
  if (!(file instanceof File) || file.size === 0) return back("error=no_file");
  const stored = await storeImportUpload(getDb(), user.personId, { source: "fabomatic", fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!stored.ok) return back(`error=${stored.code}`);
  return back(`upload=${stored.uploadId}`);
}
