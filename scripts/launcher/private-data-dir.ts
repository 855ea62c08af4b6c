import fs from "node:fs";
import path from "node:path";

/**
 * DATA_DIR holds the database files, the auth secret, uploads, the broker's spool and snapshot, and backups: only
 * the service's own user may read any of it. Sets the umask for this process (children inherit it), so every file
 * created from now on — by us, PGlite, the web app or the broker — is 0600 and every folder 0700, and makes DATA_DIR
 * itself 0700: nobody else reaches anything inside, whatever its mode. Cheap: no walk (mendDataDirModes).
 */
export function closeDataDir(dir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** closeDataDir, and the modes of what an earlier version (or PGlite) left readable mended at once. */
export function makeDataDirPrivate(dir: string): void {
  closeDataDir(dir);
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        fs.chmodSync(full, 0o700);
        walk(full);
      } else if (entry.isFile()) fs.chmodSync(full, 0o600);
    }
  };
  walk(dir);
}

/**
 * Every folder under `dir` 0700 and every file 0600, without holding the event loop (pgdata alone has ~1,700
 * files; the launcher's event loop also serves the embedded database). Symbolic links are not followed; what
 * vanishes during the walk (the database removes files as it runs) is skipped.
 */
export async function mendDataDirModes(dir: string): Promise<void> {
  const gone = (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  };
  const walk = async (folder: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch (error) {
      return gone(error);
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        await fs.promises.chmod(full, 0o700).catch(gone);
        await walk(full);
      } else if (entry.isFile()) await fs.promises.chmod(full, 0o600).catch(gone);
    }
  };
  await walk(dir);
}
