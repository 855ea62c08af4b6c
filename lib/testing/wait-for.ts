export interface WaitForOptions {
  /** Default 10 s: a bound for a stuck test, never a timing assertion. */
  timeoutMs?: number;
  /** Added to the failure (the output so far, the state seen). */
  detail?: () => string;
}

type Truthy<T> = Exclude<Awaited<T>, false | 0 | "" | null | undefined>;

/**
 * Polls `check` until it gives a truthy value and returns that value: the one way tests wait for a condition instead
 * of sleeping. A throw from `check` fails at once; after the timeout it fails naming `what`.
 */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, options: number | WaitForOptions = {}): Promise<Truthy<T>> {
  const { timeoutMs = 10_000, detail } = typeof options === "number" ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${detail ? `:\n${detail()}` : ""}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
