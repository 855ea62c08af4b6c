/** Waiting and timestamps for `npm run soak` (fault-soak.ts and its parts). */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A random number of milliseconds (or anything) in [a, b). */
export const between = (a: number, b: number) => a + Math.random() * (b - a);

/** A line on the console with the time of day (UTC), to read a fault's course afterwards. */
export const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

/** Polls `done` (after `poll`, if any) every 100 ms until it holds; throws after `timeoutMs`. */
export async function until(done: () => boolean, what: string, timeoutMs: number, poll?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await poll?.();
    if (done()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
