import fs from "node:fs";
import path from "node:path";

/**
 * A temporary folder in `parent` named for this process (`<prefix><pid>-XXXXXX`), after removing those a killed
 * run left behind: every `<prefix>…` whose process is gone (or that carries no process id, as older runs named
 * them). A run that is killed has no afterAll; the next one cleans up after it, and never a folder still in use.
 */
export function ownedTempDir(parent: string, prefix: string): string {
  removeStaleTempDirs(parent, prefix);
  return fs.mkdtempSync(path.join(parent, `${prefix}${process.pid}-`));
}

export function removeStaleTempDirs(parent: string, prefix: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(parent).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    if (pid && alive(Number(pid))) continue;
    fs.rmSync(path.join(parent, name), { recursive: true, force: true });
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
