import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { importUploads } from "@/lib/db/schema";
import { fail, type Result } from "../usage/result";
import { actorMay } from "../shared/actor-may";

/** The largest database file the web form takes (200,000 uses are some 20 MB). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const KEEP_MS = 24 * 60 * 60 * 1000;

export type UploadFailure = "forbidden" | "too_large" | "no_file" | "upload_gone";

/**
 * Keeps an uploaded import file for its dry run and its apply, also after the apply (system.admin only: the import can
 * make people administrators). Uploads older than a day are dropped whenever a new one comes.
 */
export async function storeImportUpload(
  db: Db,
  actorId: number,
  input: { source: string; fileName: string; bytes: Uint8Array; now?: Date },
): Promise<Result<{ uploadId: number }, UploadFailure>> {
  if (!(await actorMay(db, actorId, "system.admin"))) return fail("forbidden", "Only an administrator may import.");
  if (input.bytes.length === 0) return fail("no_file", "No file.");
  if (input.bytes.length > MAX_UPLOAD_BYTES) return fail("too_large", "The file is too large.");
  const now = input.now ?? new Date();
  await db.delete(importUploads).where(lt(importUploads.uploadedAt, new Date(now.getTime() - KEEP_MS)));
  const [row] = await db
    .insert(importUploads)
    .values({
      source: input.source,
      fileName: input.fileName.slice(0, 200) || "upload",
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      bytes: Buffer.from(input.bytes),
      uploadedById: actorId,
      uploadedAt: now,
    })
    .returning({ id: importUploads.id });
  return { ok: true, uploadId: row!.id };
}

export interface StoredUpload {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

/** An upload of this source that is still here; any administrator may see and apply it. */
export async function getImportUpload(
  db: Db,
  actorId: number,
  input: { source: string; uploadId: number; now?: Date },
): Promise<Result<{ upload: StoredUpload }, UploadFailure>> {
  if (!(await actorMay(db, actorId, "system.admin"))) return fail("forbidden", "Only an administrator may import.");
  const [row] = await db
    .select()
    .from(importUploads)
    .where(and(eq(importUploads.id, input.uploadId), eq(importUploads.source, input.source)));
  const now = input.now ?? new Date();
  if (!row || now.getTime() - row.uploadedAt.getTime() > KEEP_MS) return fail("upload_gone", "This upload is no longer here.");
  return { ok: true, upload: { id: row.id, fileName: row.fileName, bytes: new Uint8Array(row.bytes) } };
}
