import fs from "node:fs";
import path from "node:path";

/**
 * A temporary folder in `parent` named for this process (`<prefix><pid>-XXXXXX`), after removing those a killed
 * run left behind: every `<prefix>…` whose process is gone (or that carries no process id, as older runs name
 * them, and is older than an hour: such a run may still be going). A run that is killed has no afterAll; the next one cleans up after it, and never a folder still in use.
 */
export function ownedTempDir(parent: string, prefix: string): string {
  removeStaleTempDirs(parent, prefix);
  return fs.mkdtempSync(path.join(parent, `${prefix}${process.pid}-`));
}

/** How long a folder without a process id may be in use: older code running side by side names its folders so. */
export const UNNAMED_STALE_MS = 60 * 60 * 1000;

export function removeStaleTempDirs(parent: string, prefix: string, now = Date.now()): void {
  let names: string[];
  try {
    names = fs.readdirSync(parent).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    const full = path.join(parent, name);
    if (pid ? alive(Number(pid)) : recent(full, now)) continue;
    fs.rmSync(full, { recursive: true, force: true });
  }
}

function recent(folder: string, now: number): boolean {
  try {
    return now - fs.statSync(folder).mtimeMs < UNNAMED_STALE_MS;
  } catch {
    return true;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
