import fs from "node:fs";

/**
 * One file's data, or one folder's names, on disk (fsync), with the mode given. A file written then renamed needs
 * both: the file before the rename (or a power cut can leave an empty file under the new name), and its folder after
 * (or the rename itself can be lost).
 */
export function syncPath(target: string, mode?: number): void {
  const fd = fs.openSync(target, "r");
  try {
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
