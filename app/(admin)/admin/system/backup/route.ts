import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { listBackups } from "@/lib/ops/backup/retention";

export const dynamic = "force-dynamic";

/** The newest backup file, for admins only (it holds everyone's data). */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response("Not logged in", { status: 401 });
  if (!user.permissions.has("system.admin")) return new Response("Forbidden", { status: 403 });
  const [latest] = listBackups(path.join(path.resolve(env().DATA_DIR), "backups"));
  if (!latest) return new Response("No backup yet", { status: 404 });
  const stream = Readable.toWeb(fs.createReadStream(latest.file)) as ReadableStream;
  return new Response(stream, {
    headers: {
      "content-type": "application/gzip",
      "content-length": String(latest.bytes),
      "content-disposition": `attachment; filename="${latest.name}"`,
      "cache-control": "no-store",
    },
  });
}
