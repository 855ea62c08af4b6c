/**
 * `npm start`: runs the launcher (scripts/start.ts) as plain JavaScript in this process — its esbuild bundle
 * (scripts/launcher/broker-bundle.ts, entry "launcher"), made again by a short-lived tsx process only when one of
 * its sources changed — so no TypeScript loader (tsx, its esbuild service, the compile cache) stays beside the
 * embedded database for the system's lifetime. If bundling fails, the launcher runs through tsx as before.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "node_modules", ".cache", "makerspace-broker");
const bundle = path.join(dir, "launcher.mjs");

/** The same test as broker-bundle.ts's: the bundle is newer than every source file it was made of. */
function upToDate() {
  try {
    const builtAt = fs.statSync(bundle).mtimeMs;
    const inputs = JSON.parse(fs.readFileSync(path.join(dir, "launcher.inputs.json"), "utf8"));
    return inputs.every((file) => fs.statSync(path.join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

let compiled = upToDate();
if (!compiled) {
  const made = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "launcher", "bundle-cli.ts"), "launcher"], {
    cwd: root,
    stdio: "inherit",
  });
  compiled = made.status === 0 && upToDate();
  if (!compiled) console.log("Could not compile the launcher; running it through tsx instead.");
}
if (compiled) await import(pathToFileURL(bundle).href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, "scripts", "start.ts")).href);
}
