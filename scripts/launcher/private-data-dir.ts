import fs from "node:fs";
import path from "node:path";

/**
 * DATA_DIR holds the database files, the auth secret, uploads, the broker's spool and snapshot, and backups: only
 * the service's own user may read any of it. Sets the umask for this process (children inherit it), so every file
 * created from now on — by us, PGlite, the web app or the broker — is 0600 and every folder 0700, and mends the
 * modes of what an earlier version left readable. Symbolic links are not followed.
 */
export function makeDataDirPrivate(dir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
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
