import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * Runs `scripts/<script>` as a person runs an npm script: a child process with closed stdin (no answer to any
 * question), its output and exit code. Asynchronous on purpose: the test's own embedded database must keep
 * serving while the command runs. DATABASE_URL is not inherited unless `env` gives it.
 */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdin.end();
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, out })));
}
