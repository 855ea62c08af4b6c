import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { waitFor } from "@/lib/testing/wait-for";
import { LAUNCHER_NODE_FLAGS } from "../launcher/broker-bundle";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface LauncherRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Runs `npm start`'s script as a real child process, with no DATABASE_URL unless given: through tsx, or with
 * `compiled` as `npm start` runs it (scripts/start.mjs with LAUNCHER_NODE_FLAGS: the launcher's bundle; the
 * benchmarks measure that).
 */
export function runLauncher(env: Record<string, string>, options: { compiled?: boolean } = {}): LauncherRun {
  // The launcher decides NODE_ENV itself, and must not pick up a DATABASE_URL meant for the test run.
  const { NODE_ENV: _nodeEnv, DATABASE_URL: _databaseUrl, ...inherited } = process.env;
  const childEnv: Record<string, string | undefined> = { ...inherited, LOG_LEVEL: "warn", ...env };
  const args = options.compiled
    ? [...LAUNCHER_NODE_FLAGS, path.join(root, "scripts", "start.mjs")]
    : ["--import", "tsx", path.join(root, "scripts", "start.ts")];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

export async function waitForOutput(run: LauncherRun, pattern: RegExp, timeoutMs: number): Promise<void> {
  await waitFor(
    `${pattern} in the launcher's output`,
    () => {
      if (pattern.test(run.output())) return true;
      if (run.child.exitCode !== null) throw new Error(`Launcher exited (${run.child.exitCode}). Output:\n${run.output()}`);
      return false;
    },
    { timeoutMs, detail: run.output },
  );
}
