/**
 * `npm start` (`node scripts/start.mjs`): runs the launcher (scripts/start.ts) as plain JavaScript in this process;
 * `npm run start:web` / `start:broker` (`node scripts/start.mjs web|broker`) run scripts/start-web.ts /
 * start-broker.ts the same way. Each from its esbuild bundle (scripts/launcher/broker-bundle.ts), made again by a
 * short-lived tsx process only when one of its sources changed — so no TypeScript loader (tsx, its esbuild service,
 * the compile cache) stays beside the services for their lifetime. If bundling fails, the script runs through tsx.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** What to run: the bundle's entry name (broker-bundle.ts's ENTRIES) and its source. */
const WHAT = {
  launcher: { entry: "launcher", source: "scripts/start.ts" },
  web: { entry: "start-web", source: "scripts/start-web.ts" },
  broker: { entry: "start-broker", source: "scripts/start-broker.ts" },
};
const which = process.argv[2] ?? "launcher";
if (!Object.hasOwn(WHAT, which) || process.argv[2] === "launcher") {
  console.error(`✖ Usage: node scripts/start.mjs [web|broker] (not ${which})`);
  process.exit(1);
}
const { entry, source } = WHAT[which];

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "node_modules", ".cache", "makerspace-broker");
const bundle = path.join(dir, `${entry}.mjs`);

/** The same test as broker-bundle.ts's: the bundle is newer than every source file it was made of. */
function upToDate() {
  try {
    const builtAt = fs.statSync(bundle).mtimeMs;
    const inputs = JSON.parse(fs.readFileSync(path.join(dir, `${entry}.inputs.json`), "utf8"));
    return inputs.every((file) => fs.statSync(path.join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

let compiled = upToDate();
if (!compiled) {
  const made = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "launcher", "bundle-cli.ts"), entry], {
    cwd: root,
    stdio: "inherit",
  });
  compiled = made.status === 0 && upToDate();
  if (!compiled) console.log(`Could not compile ${source}; running it through tsx instead.`);
}
if (compiled) await import(pathToFileURL(bundle).href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, source)).href);
}
