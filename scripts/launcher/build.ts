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
  if (sourcesChangedSince(root, builtAt)) log("Note: the sources changed since the web build; serving it as it is (no rebuild asked).");
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
  if (builtAt !== null && !sourcesChangedSince(root, builtAt)) return false;
  log(builtAt === null ? "No web build yet: building (a few minutes on a small machine)…" : "Sources changed: rebuilding the web app…");
  // Listed before the build, kept as the new build's list: a source deleted after the build (even during it) is then
  // missing from the next check's walk. Without a list, the first check could only look for newer files.
  const sources = walkSources(root);
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
  const rebuiltAt = mtime(buildId);
  if (rebuiltAt !== null) writeManifest(path.join(root, ".next", MANIFEST), { builtAt: rebuiltAt, ...sources });
  return true;
}

function mtime(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * What the last check that found the build fresh walked (in .next, beside the build it is about): every source
 * folder with its modification time, and every source file. A folder whose time is unchanged holds the same names,
 * so the next check stats these instead of listing every folder again (about half the CPU of the walk). A folder
 * changed (a file added, removed or renamed) or another build: the whole walk again.
 */
const MANIFEST = "makerspace-sources.json";

interface SourceManifest {
  /** The BUILD_ID's modification time when written. */
  builtAt: number;
  /** A folder's time, or null for one missing (a source folder made later must not go unnoticed). */
  dirs: [string, number | null][];
  files: string[];
}

/** True when a source of the build was modified after `builtAt` (the BUILD_ID's time). */
export function sourcesChangedSince(root: string, builtAt: number): boolean {
  const newer = (file: string) => (mtime(path.join(root, file)) ?? 0) > builtAt;
  if (SOURCE_FILES.some(newer)) return true;
  const manifestFile = path.join(root, ".next", MANIFEST);
  const manifest = readManifest(manifestFile);
  if (manifest?.builtAt === builtAt && manifest.dirs.every(([dir, at]) => mtime(path.join(root, dir)) === at)) return manifest.files.some(newer);
  const walked = walkSources(root);
  if (walked.files.some(newer)) return true;
  // A source deleted, renamed or moved in with an old time (mv, tar x, rsync -t) makes no file newer: the list of this
  // build's last check tells, both ways (the walk ran anyway: a folder changed).
  if (manifest?.builtAt === builtAt) {
    const present = new Set(walked.files);
    const listed = new Set(manifest.files);
    if (manifest.files.some((file) => !present.has(file)) || walked.files.some((file) => !listed.has(file))) return true;
  }
  writeManifest(manifestFile, { builtAt, ...walked });
  return false;
}

/** The list, or null if missing or not one this code wrote (a damaged one must not hide a changed source). */
function readManifest(file: string): SourceManifest | null {
  let manifest: Partial<SourceManifest> | null;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<SourceManifest> | null;
  } catch {
    return null;
  }
  const dirs = manifest?.dirs;
  const files = manifest?.files;
  if (typeof manifest?.builtAt !== "number" || !Array.isArray(dirs) || !Array.isArray(files)) return null;
  const dir = (d: unknown) => Array.isArray(d) && d.length === 2 && typeof d[0] === "string" && (d[1] === null || typeof d[1] === "number");
  if (!dirs.every(dir) || !files.every((f) => typeof f === "string")) return null;
  // Every walk lists the source folders themselves, present or not.
  if (!SOURCE_DIRS.every((top) => dirs.some(([d]) => d === top))) return null;
  return manifest as SourceManifest;
}

/** Written whole (a temporary file, then rename); a build folder that cannot be written only costs the walk. */
function writeManifest(file: string, manifest: SourceManifest): void {
  try {
    fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(manifest));
    fs.renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    fs.rmSync(`${file}.${process.pid}.tmp`, { force: true });
  }
}

/** Every source folder (with its time, taken before it is listed) and file under SOURCE_DIRS, relative to root. */
function walkSources(root: string): { dirs: [string, number | null][]; files: string[] } {
  const dirs: [string, number | null][] = [];
  const files: string[] = [];
  const visit = (dir: string) => {
    dirs.push([dir, mtime(path.join(root, dir))]);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(rel);
      else if (!entry.name.endsWith(".test.ts")) files.push(rel);
    }
  };
  for (const dir of SOURCE_DIRS) visit(dir);
  return { dirs, files };
}
