/**
 * MAKERSPACE_START_TIMING=1: the launcher prints when each step of a start ended, in ms since its process began
 * ("⏱ 812 ms  database open"), so a slow start shows where its time went (`npm run bench:startup` sets it).
 */
export const START_TIMING = "MAKERSPACE_START_TIMING";

export const startTiming = (): boolean => process.env[START_TIMING] === "1";

// process.uptime(): from the process's own start, so node's boot and loading the launcher are counted too.
const stamp = () => `⏱ ${Math.round(process.uptime() * 1000)} ms`;

export function startTimer(log: (line: string) => void, enabled = startTiming()): (step: string) => void {
  return enabled ? (step) => log(`${stamp()}  ${step}`) : () => {};
}

/** The children's lines (the web server's "HTTP on port …" is when it listens) stamped the same way. */
export function timedLog(log: (line: string) => void, enabled = startTiming()): (line: string) => void {
  return enabled ? (line) => log(`${stamp()}  ${line}`) : log;
}
