import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { StartupError } from "./startup-error";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
// proxy.ts and instrumentation.ts: Next's own files at the root, built into the app like a page.
const SOURCE_FILES = ["next.config.ts", "package.json", "postcss.config.mjs", "proxy.ts", "instrumentation.ts"];

/**
 * Builds the web app when there is no build, or when a source file changed since the last one. One build at a
 * time per checkout (test files and launchers may ask at once; `next build` refuses to run twice): the others
 * wait for it and then find the build fresh.
 */
export async function ensureBuild(root: string, log: (line: string) => void): Promise<boolean> {
  if (process.env[USE_EXISTING_BUILD] === "1") return servedAsItIs(root, log);
  const release = await buildLock(root);
  try {
    return await buildIfStale(root, log);
  } finally {
    release();
  }
}

/**
 * Set (to "1") by the benchmarks: serve the build that is there, never rebuild it. A rebuild replaces `.next` under
 * any other process serving the same checkout (a test run, a second launcher) and breaks it mid-request.
 */
export const USE_EXISTING_BUILD = "MAKERSPACE_USE_EXISTING_BUILD";

function servedAsItIs(root: string, log: (line: string) => void): false {
  const builtAt = mtime(path.join(root, ".next", "BUILD_ID"));
  if (builtAt === null) throw new StartupError(`There is no web build and ${USE_EXISTING_BUILD}=1 forbids making one: run \`npm run build\` first.`);
  if (newestSource(root) > builtAt) log("Note: the sources changed since the web build; serving it as it is (no rebuild asked).");
  return false;
}

const LOCK_STALE_MS = 30 * 60_000;

async function buildLock(root: string): Promise<() => void> {
  const lock = path.join(root, ".next-build.lock");
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return () => fs.rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock left by a killed build must not block every later start.
      if (Date.now() - (mtime(lock) ?? Date.now()) > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

async function buildIfStale(root: string, log: (line: string) => void): Promise<boolean> {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = mtime(buildId);
  if (builtAt !== null && newestSource(root) <= builtAt) return false;
  log(builtAt === null ? "No web build yet: building (a few minutes on a small machine)…" : "Sources changed: rebuilding the web app…");
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", resolve);
    child.on("error", () => resolve(null));
  });
  if (code !== 0) throw new StartupError("Building the web app failed (see the output above).");
  return true;
}

function mtime(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function newestSource(root: string): number {
  let newest = 0;
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (!entry.name.endsWith(".test.ts")) newest = Math.max(newest, mtime(full) ?? 0);
    }
  };
  for (const dir of SOURCE_DIRS) visit(path.join(root, dir));
  for (const file of SOURCE_FILES) newest = Math.max(newest, mtime(path.join(root, file)) ?? 0);
  return newest;
}
