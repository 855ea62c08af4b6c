import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import { appendErrorLine, isErrorLine } from "./error-log";

export interface LoggedChildSpec {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** DATA_DIR: error lines go to DATA_DIR/logs/errors.log, read by the admin's system page. */
  dataDir: string;
  /** Where the child's lines go besides the error log; the terminal (or journald) by default. */
  out?: (line: string, stream: "stdout" | "stderr") => void;
}

const toTerminal = (line: string, stream: "stdout" | "stderr") => (stream === "stdout" ? process.stdout : process.stderr).write(`${line}\n`);

/**
 * Runs a service (the web server, the broker) as a child, passes its output through line by line and keeps its
 * error lines for the system page — the same as `npm start`'s supervisor does, for `start:web` and `start:broker`.
 */
export function spawnWithErrorLog(spec: LoggedChildSpec): ChildProcess {
  const out = spec.out ?? toTerminal;
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ["inherit", "pipe", "pipe"] });
  for (const [stream, name] of [
    [child.stdout!, "stdout"],
    [child.stderr!, "stderr"],
  ] as const) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      out(line, name);
      if (isErrorLine(line)) appendErrorLine(spec.dataDir, line);
    });
  }
  return child;
}

/** A log function for the starter's own lines: printed, and kept when it is an error ("✖ …"). */
export function loggingErrors(dataDir: string, print: (line: string) => void = console.log): (line: string) => void {
  return (line) => {
    print(line);
    if (isErrorLine(line)) appendErrorLine(dataDir, line);
  };
}
