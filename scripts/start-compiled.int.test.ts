import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const bundle = path.join(root, "node_modules", ".cache", "makerspace-broker", "launcher.mjs");

/** Every module a bundle file loads before it runs: its static imports, and theirs for its own chunks. */
function staticImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const specifiers = [...fs.readFileSync(file, "utf8").matchAll(/^import\s+(?:[^;]*?\sfrom\s*)?"([^"]+)";/gm)].map((m) => m[1]!);
  return specifiers.flatMap((s) => (s.startsWith("./") ? staticImports(path.join(path.dirname(file), s), seen) : [s]));
}

describe("npm start (scripts/start.mjs)", () => {
  it("runs the launcher from its bundle, without a TypeScript loader, and the bundle is what answers", { timeout: 180_000 }, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-start-compiled-"));
    try {
      // A port that cannot be: the launcher's own first check refuses it, before any database is started.
      const { DATABASE_URL: _url, NODE_ENV: _nodeEnv, NODE_OPTIONS: _options, ...inherited } = process.env;
      const env: Record<string, string | undefined> = { ...inherited, DATA_DIR: dataDir, PORT: "not-a-port" };
      const run = spawnSync(process.execPath, [path.join(root, "scripts", "start.mjs")], {
        cwd: root,
        env: env as NodeJS.ProcessEnv,
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toMatch(/PORT/);
      expect(run.stdout + run.stderr).not.toMatch(/running it through tsx/);
      expect(fs.existsSync(bundle)).toBe(true);
      const inputs = JSON.parse(fs.readFileSync(bundle.replace(/\.mjs$/, ".inputs.json"), "utf8")) as string[];
      expect(inputs).toContain("scripts/start.ts");
      // The bundle loads no TypeScript loader: tsx is not among its imports.
      expect(fs.readFileSync(bundle, "utf8")).not.toMatch(/from "tsx/);
      // The web server is spawned before the database side is loaded (scripts/launcher/database-stage.ts): nothing the
      // launcher loads before it imports PGlite, postgres.js, drizzle or nodemailer; the chunk loaded after it does.
      const database = /^(@electric-sql\/pglite|postgres|drizzle-orm|nodemailer)(\/|$)/;
      expect(staticImports(bundle).filter((p) => database.test(p))).toEqual([]);
      const later = [...fs.readFileSync(bundle, "utf8").matchAll(/\bimport\("(\.\/[^"]+)"\)/g)].map((m) => path.join(path.dirname(bundle), m[1]!));
      expect(later.flatMap((chunk) => staticImports(chunk)).filter((p) => database.test(p))).toContain("@electric-sql/pglite");
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
