import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const MAX_RESTARTS_PER_MINUTE = 5;
const STOP_GRACE_MS = 10_000;

/**
 * Runs the web server and the broker as child processes, prefixes their output, restarts a crashed one with
 * backoff, and gives up (calling onFatal) when one keeps crashing — a port conflict or bad config will not fix
 * itself by retrying.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly restarts = new Map<string, number[]>();
  private stopping = false;

  constructor(
    private readonly log: (line: string) => void,
    private readonly onFatal: (message: string) => void,
  ) {}

  start(spec: ServiceSpec): void {
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ["ignore", "pipe", "pipe"] });
    this.children.set(spec.name, child);
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream! }).on("line", (line) => this.log(`[${spec.name}] ${line}`));
    }
    child.on("error", (error) => this.log(`[${spec.name}] could not start: ${error.message}`));
    child.on("exit", (code, signal) => {
      this.children.delete(spec.name);
      if (this.stopping) return;
      this.log(`[${spec.name}] exited (${signal ?? `code ${code}`})`);
      const now = Date.now();
      const recent = (this.restarts.get(spec.name) ?? []).filter((t) => now - t < 60_000);
      if (recent.length >= MAX_RESTARTS_PER_MINUTE) {
        this.onFatal(`The ${spec.name} keeps exiting; giving up. See its messages above.`);
        return;
      }
      recent.push(now);
      this.restarts.set(spec.name, recent);
      const delay = 500 * 2 ** (recent.length - 1);
      this.log(`[${spec.name}] restarting in ${delay} ms`);
      setTimeout(() => {
        if (!this.stopping) this.start(spec);
      }, delay).unref();
    });
  }

  /** SIGTERM to every child, SIGKILL to those still running after the grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill("SIGTERM");
          }),
      ),
    );
  }
}
