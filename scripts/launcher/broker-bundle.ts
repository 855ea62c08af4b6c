import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "esbuild";

/*
 * The device broker (and our web server around Next, entry `web`, the launcher, entry `launcher`, and the separate
 * starters `start-web` and `start-broker`) runs as plain JavaScript, not through tsx: the TypeScript loader (esbuild's transform service,
 * source maps, the compile cache of every module) costs the broker about a third of its memory budget. One bundle
 * of our own code per entry point; packages stay in node_modules. Rebuilt only when one of its inputs changed.
 * Written under node_modules/.cache (ignored by git, lint and tests) by rename, never in place: a copy of the tree
 * made with hard links (`cp -al node_modules`) keeps its own bundle.
 */

const ENTRIES = {
  main: "device-broker/main.ts",
  child: "device-broker/testing/broker-child.ts",
  web: "scripts/web/web-server.ts",
  /** `npm start` itself (scripts/start.mjs runs it). */
  launcher: "scripts/start.ts",
  /** `npm run start:web` and `start:broker` (`node scripts/start.mjs web|broker`). */
  "start-web": "scripts/start-web.ts",
  "start-broker": "scripts/start-broker.ts",
  /** The launcher's child that creates and prepares a fresh embedded database (scripts/launcher/database.ts). */
  prepare: "scripts/launcher/prepare-child.ts",
} as const;
export type BrokerEntry = keyof typeof ENTRIES;

const outDir = (root: string) => path.join(root, "node_modules", ".cache", "makerspace-broker");

/**
 * import.meta.url of a bundled module would be the bundle's; each module keeps its source location instead,
 * relative to the bundle so that the tree can move (e.g. drizzle/migrate.ts finds drizzle/migrations).
 */
/** Spelled in two parts: this file is bundled too (into the launcher), and must not rewrite its own text. */
const META = ["import", "meta."].join(".");

function sourceLocation(out: string): Plugin {
  return {
    name: "source-location",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await fs.promises.readFile(args.path, "utf8");
        if (!text.includes(META)) return undefined;
        const rel = (p: string) => JSON.stringify(path.relative(out, p).split(path.sep).join("/"));
        const url = `new URL(${rel(args.path)}, ${META}url)`;
        const contents = text
          .replaceAll(`${META}url`, `${url}.href`)
          .replaceAll(`${META}dirname`, `__msDirname(${url})`)
          .replaceAll(`${META}filename`, `__msFilename(${url})`);
        return { contents, loader: "ts" };
      });
    },
  };
}

const BANNER = `import { fileURLToPath as __msFileURLToPath } from "node:url";
import { dirname as __msDirnameOf } from "node:path";
const __msFilename = (u) => __msFileURLToPath(u);
const __msDirname = (u) => __msDirnameOf(__msFileURLToPath(u));`;

function upToDate(root: string, entry: BrokerEntry): boolean {
  const dir = outDir(root);
  try {
    const builtAt = fs.statSync(path.join(dir, `${entry}.mjs`)).mtimeMs;
    const inputs = JSON.parse(fs.readFileSync(path.join(dir, `${entry}.inputs.json`), "utf8")) as string[];
    return inputs.every((file) => fs.statSync(path.join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false; // missing bundle, input list or input file
  }
}

/** The path of an up-to-date bundle of the broker's entry point (`main`: start scripts; `child`: tests, benchmark). */
export async function ensureBrokerBundle(root: string, entry: BrokerEntry = "main"): Promise<string> {
  const dir = outDir(root);
  const file = path.join(dir, `${entry}.mjs`);
  if (upToDate(root, entry)) return file;
  fs.mkdirSync(dir, { recursive: true });
  // Loaded only to make a bundle: an up-to-date start (every restart) does not pay for loading esbuild.
  const { build, stop } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints: { [entry]: path.join(root, ENTRIES[entry]) },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    banner: { js: BANNER },
    plugins: [sourceLocation(dir)],
    // A dynamic import() of our own code becomes a chunk loaded when it runs, with the packages only it imports
    // (the launcher loads the database side after spawning the web server: scripts/launcher/database-stage.ts).
    // Without splitting esbuild inlines it and hoists its packages' imports to the top of the bundle.
    splitting: true,
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    metafile: true,
    write: false,
    logLevel: "silent",
  }).finally(() => {
    // esbuild keeps its service process (~50 MB) alive for further builds: the launcher makes none after this.
    void stop();
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/"));
  const tmp = (out: string) => `${out}.${process.pid}.tmp`;
  // The chunks first (named by their content, so a chunk of that name is this one), the entry last: its time is
  // what upToDate compares.
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path === file) - Number(b.path === file));
  if (outputs.at(-1)?.path !== file) throw new Error(`esbuild wrote no ${file}`);
  for (const output of outputs) {
    fs.writeFileSync(tmp(output.path), output.contents);
    if (output.path === file) {
      fs.writeFileSync(`${tmp(file)}.inputs`, JSON.stringify(inputs));
      fs.renameSync(`${tmp(file)}.inputs`, path.join(dir, `${entry}.inputs.json`));
    }
    fs.renameSync(tmp(output.path), output.path);
  }
  pruneChunks(dir);
  return file;
}

/** A chunk no entry's bundle reaches any more; younger ones are left to a build that may be writing them now. */
const CHUNK_GRACE_MS = 10 * 60_000;

/** Removes the chunks of earlier builds (each build names its chunks by their content: they would pile up). */
function pruneChunks(dir: string): void {
  const reached = new Set<string>();
  const visit = (name: string) => {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), "utf8");
    } catch {
      return;
    }
    for (const [chunk] of text.matchAll(/chunk-[A-Z0-9]+\.mjs/g)) {
      if (reached.has(chunk)) continue;
      reached.add(chunk);
      visit(chunk);
    }
  };
  for (const entry of Object.keys(ENTRIES)) visit(`${entry}.mjs`);
  for (const name of fs.readdirSync(dir)) {
    if (!/^chunk-[A-Z0-9]+\.mjs$/.test(name) || reached.has(name)) continue;
    const chunk = path.join(dir, name);
    if (Date.now() - fs.statSync(chunk).mtimeMs > CHUNK_GRACE_MS) fs.rmSync(chunk, { force: true });
  }
}

/**
 * V8 flags of the broker process. Its young generation grows to 2 × 16 MB under a burst of swipes and stays
 * committed: measured after GC with 1,000 boards, 77 MB V8 heap held for 36 MB in use. The broker's objects are
 * small and short-lived, so 4 MB semi-spaces cost only more (cheap) scavenges.
 */
export const BROKER_NODE_FLAGS = ["--max-semi-space-size=4"];

/** Node arguments that run the broker: its bundle, or through tsx (with a note) if bundling failed. */
export async function brokerArgs(root: string, log: (line: string) => void): Promise<string[]> {
  try {
    return [...BROKER_NODE_FLAGS, await ensureBrokerBundle(root, "main")];
  } catch (error) {
    log(`Could not compile the broker (${(error as Error).message.split("\n")[0]}); running it through tsx instead.`);
    return [...BROKER_NODE_FLAGS, "--import", "tsx", path.join(root, ENTRIES.main)];
  }
}

/**
 * V8 flags of the web server. Its young generation grows to 2 × 16 MB under page load and stays committed (measured
 * after 1,000 mixed page requests: 32 MB new space holding under 10 MB); a page's objects die young, so 4 MB
 * semi-spaces cost only more (cheap) scavenges.
 * The old space: with a heap limit of 2 GB or more (V8's default is a quarter of the memory, up to 4 GB) V8 lets
 * the heap grow to 4 × the live objects before a full collection; below it the factor shrinks towards 1.3 (about 1.4
 * at 512 MB). bench:memory, 1,000 mixed page requests: heap before a full GC 219 → 120 MB for the same ~75 MB live,
 * web process 359–373 → 238 MB. 512 MB still leaves room for a large export.
 */
export const WEB_NODE_FLAGS = ["--max-semi-space-size=4", "--max-old-space-size=512"];

/**
 * V8 flags of the launcher's own process (`npm start`, deploy/systemd/makerspace.service): it holds the embedded
 * database and relays every statement and answer, copying each message, so with V8's defaults its young generation
 * grew to 2 × 16 MB and its old space to several times its live objects before a full collection (issue 20: the
 * launcher 164 → 239 MB after 1,000 mixed page requests). Node reads them only on its command line (set at run time,
 * they change nothing), so package.json's start script and the systemd unit carry them.
 */
export const LAUNCHER_NODE_FLAGS = ["--max-semi-space-size=4", "--max-old-space-size=512"];

/** Node arguments that run our web server around Next: its bundle, or `fallback` (through tsx) if bundling failed. */
export async function webServerArgs(root: string, fallback: string[], log: (line: string) => void): Promise<string[]> {
  try {
    return [...WEB_NODE_FLAGS, await ensureBrokerBundle(root, "web")];
  } catch (error) {
    log(`Could not compile the web server (${(error as Error).message.split("\n")[0]}); running it through tsx instead.`);
    return [...WEB_NODE_FLAGS, ...fallback];
  }
}

/** Node arguments that run the launcher's database preparation child: its bundle, or through tsx if bundling failed. */
export async function prepareChildArgs(root: string): Promise<string[]> {
  try {
    return [await ensureBrokerBundle(root, "prepare")];
  } catch {
    return ["--import", "tsx", path.join(root, ENTRIES.prepare)];
  }
}
