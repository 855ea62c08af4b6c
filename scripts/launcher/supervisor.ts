import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import type { ServiceState } from "@/lib/ops/service-status";

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * "give-up" (the web server): after MAX_RESTARTS_PER_MINUTE exits in a minute, onFatal — a port conflict or a bad
   * config will not fix itself. "forever" (the broker): restarted with growing backoff however often it exits; its
   * crashes never stop anything else.
   */
  onCrash?: "give-up" | "forever";
  /**
   * Boot now, serve later: the child (told by SERVE_WHEN_TOLD) boots, says so over IPC and waits; once the gate has
   * resolved it is sent the gate's variables (e.g. DATABASE_URL) and starts serving. The launcher boots the web
   * server while the database opens and migrates, and opens the gate when the schema is this version's.
   */
  gate?: Promise<Record<string, string>>;
  /** Called each time a gated child has been sent the gate's variables (told to serve). */
  onServe?: () => void;
}

/** Set in a gated child's environment; scripts/web/serve-when-told.ts is the child's side. */
export const SERVE_WHEN_TOLD = "MAKERSPACE_SERVE_WHEN_TOLD";

export interface SupervisorTiming {
  /** The first restart's delay; it doubles with each exit in a row. */
  firstDelayMs: number;
  /** The longest wait between restarts of a "forever" service. */
  maxDelayMs: number;
  /** A process up this long has recovered: its run of crashes (and the backoff) starts again from zero. */
  stableAfterMs: number;
}

const MAX_RESTARTS_PER_MINUTE = 5;
const STOP_GRACE_MS = 10_000;
const DEFAULT_TIMING: SupervisorTiming = { firstDelayMs: 500, maxDelayMs: 60_000, stableAfterMs: 60_000 };

/** The delay before the restart following the `crashes`-th exit in a row: first, doubling, capped. */
export function restartDelay(crashes: number, timing: SupervisorTiming = DEFAULT_TIMING): number {
  return Math.min(timing.firstDelayMs * 2 ** Math.max(0, crashes - 1), timing.maxDelayMs);
}

/** A child's output line as a short exit reason: a pino line's message (and error), else the line. */
function reasonOf(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown; err?: { message?: unknown } };
    const parts = [parsed.msg, parsed.err?.message].filter((p): p is string => typeof p === "string" && p !== "");
    if (parts.length > 0) return parts.join(": ").slice(0, 300);
  } catch {
    // not JSON
  }
  return line.trim().slice(0, 300);
}

/**
 * Runs the web server and the broker as child processes, prefixes their output, restarts a crashed one with
 * exponential backoff, and reports each one's state (onState, written for the system page by the launcher).
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly restarts = new Map<string, number[]>();
  private readonly states = new Map<string, ServiceState>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly firstCrashAt = new Map<string, string>();
  private stopping = false;

  constructor(
    private readonly log: (line: string) => void,
    private readonly onFatal: (message: string) => void,
    private readonly options: { onState?: (states: Record<string, ServiceState>) => void; timing?: Partial<SupervisorTiming> } = {},
  ) {}

  /**
   * Read at each start and exit, not copied: whoever passed `timing` may change it later. The tests decide so when
   * a process has "stayed up" — a crash that takes longer than stableAfterMs to happen on a busy machine would
   * otherwise count as recovered.
   */
  private get timing(): SupervisorTiming {
    return { ...DEFAULT_TIMING, ...this.options.timing };
  }

  /** Every service's state now (what onState was last given). */
  snapshot(): Record<string, ServiceState> {
    return Object.fromEntries([...this.states].map(([name, state]) => [name, { ...state }]));
  }

  private setState(name: string, patch: Partial<ServiceState>): void {
    const previous = this.states.get(name) ?? {
      state: "running",
      since: new Date().toISOString(),
      pid: null,
      crashes: 0,
      totalCrashes: 0,
      nextTryAt: null,
      lastExit: null,
    };
    this.states.set(name, { ...previous, ...patch });
    this.options.onState?.(this.snapshot());
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  start(spec: ServiceSpec): void {
    const gate = spec.gate;
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: gate ? { ...spec.env, [SERVE_WHEN_TOLD]: "1" } : spec.env,
      stdio: ["ignore", "pipe", "pipe", ...(gate ? (["ipc"] as const) : [])],
    });
    if (gate) {
      child.on("message", (message) => {
        if ((message as { booted?: boolean })?.booted !== true) return;
        void gate.then(
          (env) => {
            // Gone meanwhile (crashed, or stopped): its successor asks again.
            // (The callback takes a send's error: a child exiting just now is handled by its exit below.)
            if (child.connected) child.send({ serve: env }, (error) => error || spec.onServe?.());
          },
          () => {}, // a gate that never opens: the launcher stops everything with its reason
        );
      });
    }
    const startedAt = Date.now();
    this.children.set(spec.name, child);
    this.setState(spec.name, { state: "running", since: new Date(startedAt).toISOString(), pid: child.pid ?? null, nextTryAt: null });
    let lastLine = "";
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream! }).on("line", (line) => {
        if (line.trim() !== "") lastLine = line;
        this.log(`[${spec.name}] ${line}`);
      });
    }
    // Up long enough: recovered, and the page says so without waiting for the next exit.
    this.later(this.timing.stableAfterMs, () => {
      if (this.children.get(spec.name) === child && (this.states.get(spec.name)?.crashes ?? 0) > 0) this.setState(spec.name, { crashes: 0 });
    });
    let ended = false;
    const finish = (exit: string) => {
      if (ended) return;
      ended = true;
      if (this.children.get(spec.name) === child) this.children.delete(spec.name);
      if (this.stopping) return;
      const reason = lastLine ? `${exit}: ${reasonOf(lastLine)}` : exit;
      this.log(`[${spec.name}] exited (${exit})`);
      this.crashed(spec, Date.now() - startedAt, reason);
    };
    child.on("error", (error) => {
      this.log(`[${spec.name}] could not start: ${error.message}`);
      if (child.pid === undefined) finish(`could not start: ${error.message}`);
    });
    // The reason is the last line the child wrote: wait for its output to drain ('close'), but not for a
    // grandchild that may hold the pipes open.
    child.on("exit", (code, signal) => {
      const exit = signal ?? `code ${code}`;
      const timer = setTimeout(() => finish(exit), 1_000);
      child.once("close", () => {
        clearTimeout(timer);
        finish(exit);
      });
    });
  }

  private crashed(spec: ServiceSpec, upMs: number, reason: string): void {
    const now = Date.now();
    const at = new Date(now).toISOString();
    const previous = this.states.get(spec.name);
    const crashes = (upMs >= this.timing.stableAfterMs ? 0 : (previous?.crashes ?? 0)) + 1;
    const totalCrashes = (previous?.totalCrashes ?? 0) + 1;
    const lastExit = { at, reason };
    let delay: number;
    if (spec.onCrash === "forever") {
      delay = restartDelay(crashes, this.timing);
    } else {
      const recent = (this.restarts.get(spec.name) ?? []).filter((t) => now - t < 60_000);
      if (recent.length >= MAX_RESTARTS_PER_MINUTE) {
        this.setState(spec.name, { state: "stopped", since: at, pid: null, crashes, totalCrashes, nextTryAt: null, lastExit });
        this.onFatal(`The ${spec.name} keeps exiting; giving up. See its messages above.`);
        return;
      }
      recent.push(now);
      this.restarts.set(spec.name, recent);
      delay = restartDelay(recent.length, this.timing);
    }
    // "since" stays at the first exit of a run of crashes: "restarting since 14:02".
    const since = crashes > 1 ? (this.firstCrashAt.get(spec.name) ?? at) : at;
    this.firstCrashAt.set(spec.name, since);
    this.setState(spec.name, { state: "restarting", since, pid: null, crashes, totalCrashes, nextTryAt: new Date(now + delay).toISOString(), lastExit });
    this.log(`[${spec.name}] restarting in ${delay} ms${crashes > 1 ? ` (${crashes} exits in a row)` : ""}`);
    this.later(delay, () => {
      if (!this.stopping) this.start(spec);
    });
  }

  /** SIGTERM to every child, SIGKILL to those still running after the grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
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
