import fs from "node:fs";
import path from "node:path";

/** What Next's own standalone server sets (its generated server.js) to hand Next the config the build evaluated. */
export const BUILT_NEXT_CONFIG = "__NEXT_PRIVATE_STANDALONE_CONFIG";

/**
 * Next's production server evaluates next.config.ts again at every start, and to transpile it loads its SWC compiler:
 * a 100 MB native module, ~25–30 MB of it resident in the web process for its lifetime, and a few hundred ms of the
 * start. The build already wrote the evaluated config to .next/required-server-files.json; this hands it to Next as
 * its standalone server does, so next.config.ts is not read at run time (the launcher and start:web check that
 * the build is newer than every source, next.config.ts included, before the web server starts).
 * Returns false (and Next reads next.config.ts as before) when there is no such file in the build.
 */
export function applyBuiltNextConfig(root: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[BUILT_NEXT_CONFIG]) return true;
  let config: unknown;
  try {
    config = (JSON.parse(fs.readFileSync(path.join(root, ".next", "required-server-files.json"), "utf8")) as { config?: unknown }).config;
  } catch {
    return false;
  }
  if (!config || typeof config !== "object") return false;
  env[BUILT_NEXT_CONFIG] = JSON.stringify(config);
  return true;
}
