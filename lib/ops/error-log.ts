import fs from "node:fs";
import path from "node:path";

const MAX_BYTES = 256 * 1024;

export const errorLogFile = (dataDir: string) => path.join(dataDir, "logs", "errors.log");

/** pino lines at level error (50) or fatal (60), and our own "✖" lines. */
export function isErrorLine(line: string): boolean {
  return /"level":\s*(50|60)\b/.test(line) || line.includes("✖");
}

/** Appends one line; past MAX_BYTES the file moves to errors.log.1 (one old file kept), so the log stays bounded. */
export function appendErrorLine(dataDir: string, line: string, at = new Date()): void {
  const file = errorLogFile(dataDir);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) fs.renameSync(file, `${file}.1`);
    fs.appendFileSync(file, `${at.toISOString()} ${line.slice(0, 2000)}\n`);
  } catch {
    // The error log is a convenience: never let it take the system down.
  }
}

/** The newest lines, newest first. */
export function recentErrors(dataDir: string, count = 20): string[] {
  try {
    const text = fs.readFileSync(errorLogFile(dataDir), "utf8");
    return text.trimEnd().split("\n").filter(Boolean).slice(-count).reverse();
  } catch {
    return [];
  }
}
