import type { Db } from "@/lib/db/client";
import { listDirectoryPage, type DirectoryEntry, type DirectoryKey } from "../directory";
import type { Viewer } from "../visibility";

/** Every directory entry this viewer may see, read page by page as the pages and the API read it. */
export async function wholeDirectory(db: Db, viewer: Viewer, pageSize = 100): Promise<DirectoryEntry[]> {
  const all: DirectoryEntry[] = [];
  let after: DirectoryKey | null = null;
  do {
    const page: Awaited<ReturnType<typeof listDirectoryPage>> = await listDirectoryPage(db, viewer, { after, limit: pageSize });
    all.push(...page.entries);
    after = page.next;
  } while (after);
  return all;
}
