import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { StartupError } from "./startup-error";

export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, "ok");
    fs.rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new StartupError(`DATA_DIR ${dir} is not writable (${code}). Choose another folder with DATA_DIR=… or fix its permissions.`);
  }
}

export async function ensurePortFree(port: number, host: string, what: string, variable: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new StartupError(`Port ${port} for the ${what} is already in use. Stop what uses it, or set ${variable}=<another port>.`));
      } else if (error.code === "EACCES") {
        reject(new StartupError(`Not allowed to listen on port ${port} for the ${what}. Set ${variable}=<a port above 1024>.`));
      } else reject(error);
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/**
 * One launcher per DATA_DIR: two PGlite processes on one data folder would corrupt it.
 * The lock holds our pid; a lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dir: string): () => void {
  const file = path.join(dir, "launcher.pid");
  try {
    const pid = Number(fs.readFileSync(file, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new StartupError(`Another \`npm start\` (pid ${pid}) is already using ${dir}. Stop it first, or use another DATA_DIR.`);
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (Number(fs.readFileSync(file, "utf8")) === process.pid) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
