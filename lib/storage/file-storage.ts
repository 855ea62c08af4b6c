import fs from "node:fs/promises";
import path from "node:path";
import { syncPath } from "@/lib/fs/sync-path";

/**
 * Where uploaded files live (photos, the space logo). The local implementation writes under DATA_DIR/uploads;
 * s3-storage.ts keeps them on an S3-compatible service when S3_* is configured (storage-from-env.ts chooses).
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

/** Keys come from our own code, but a key that could climb out of the folder (or bucket) is refused anyway. */
export function checkStorageKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Unsafe storage key: ${key}`);
  return key;
}

/** The folder of the local storage, which backups include. */
export const uploadsDirOf = (dataDir: string) => path.join(path.resolve(dataDir), "uploads");

export function localFileStorage(root: string): FileStorage {
  const full = (key: string) => path.join(root, checkStorageKey(key));
  return {
    async put(key, data) {
      const file = full(key);
      const folder = path.dirname(file);
      const firstCreated = await fs.mkdir(folder, { recursive: true });
      // Write then rename, so a reader never sees half a file. The caller saves the row pointing at the file next:
      // the file (fsync before the rename) and its name (fsync of the folder after) are on disk first, or a power
      // cut could leave that row pointing at an empty or missing file.
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, data);
      syncPath(temp);
      await fs.rename(temp, file);
      syncPath(folder);
      // Folders made just now need their names on disk too, up to the one that already existed.
      if (firstCreated) {
        for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
          syncPath(dir);
          if (dir === path.dirname(firstCreated)) break;
        }
      }
    },
    async get(key) {
      try {
        return await fs.readFile(full(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(full(key), { force: true });
    },
  };
}
