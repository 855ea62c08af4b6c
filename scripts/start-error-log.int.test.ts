import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recentErrors } from "@/lib/ops/error-log";

// `npm run start:web` and `npm run start:broker` keep their errors for the system page too (not only `npm start`).
const root = path.resolve(import.meta.dirname, "..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** `npm run start:<which>` as its package script runs it: `node scripts/start.mjs <which>`, compiled. */
function run(which: "web" | "broker"): Promise<{ code: number | null; dataDir: string; output: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-start-errors-"));
  dirs.push(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "info" };
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs"), which], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, dataDir, output })));
}

describe("recent errors outside npm start", () => {
  it("start:broker: the broker's error line reaches DATA_DIR/logs/errors.log", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["start:broker"]).toBe("node scripts/start.mjs broker");
    const { code, dataDir, output } = await run("broker");
    // From its bundle: no TypeScript loader at run time.
    expect(output).not.toMatch(/running it through tsx/);
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL is not set");
    expect(recentErrors(dataDir).join("\n")).toContain("✖ DATABASE_URL is not set");
  });

  it("start:web: a start failure is kept as well", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["start:web"]).toBe("node scripts/start.mjs web");
    const { code, dataDir, output } = await run("web");
    expect(output).not.toMatch(/running it through tsx/);
    expect(code).toBe(1);
    expect(recentErrors(dataDir).join("\n")).toContain("DATABASE_URL is not set");
  });
});
