import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const bundle = path.join(root, "node_modules", ".cache", "makerspace-broker", "launcher.mjs");

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
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
