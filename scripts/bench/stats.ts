import os from "node:os";

/** Latency summary of a list of milliseconds. */
export function summarize(samples: number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * Runs every case once per round, in turn, after `warmup` rounds: the machine's load at any moment falls on all
 * cases alike, so their ratios hold even where the absolute figures are noisy. Returns each case's samples (ms).
 */
export async function interleaved(cases: { label: string; run: () => Promise<unknown> }[], rounds: number, warmup = 5): Promise<Map<string, number[]>> {
  const samples = new Map(cases.map((c) => [c.label, [] as number[]]));
  for (let round = -warmup; round < rounds; round++) {
    for (const c of cases) {
      const started = performance.now();
      await c.run();
      if (round >= 0) samples.get(c.label)!.push(performance.now() - started);
    }
  }
  return samples;
}

/**
 * Each case against its own floor: pairs of (floor, case) in turn, the order swapped every round so neither always
 * runs first, after `warmup` rounds. Before every timed run `settle` puts the state back (untimed) and, when the
 * process runs with --expose-gc, a full collection clears the garbage earlier runs left, so a run pays for its own
 * work only, never for the case before it (a light floor measured right after a heavy case used to carry its
 * collection). Returns each case's samples and the samples of the floor measured beside it (ms).
 */
export async function pairedWithFloor(
  floor: () => Promise<unknown>,
  cases: { label: string; run: () => Promise<unknown> }[],
  options: { rounds: number; warmup?: number; settle?: () => Promise<unknown> },
): Promise<Map<string, { samples: number[]; floor: number[] }>> {
  const out = new Map(cases.map((c) => [c.label, { samples: [] as number[], floor: [] as number[] }]));
  const gc = (globalThis as { gc?: () => void }).gc;
  const timed = async (run: () => Promise<unknown>): Promise<number> => {
    await options.settle?.();
    gc?.();
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  for (const c of cases) {
    const into = out.get(c.label)!;
    for (let round = -(options.warmup ?? 3); round < options.rounds; round++) {
      const [a, b] = round % 2 ? [await timed(c.run), await timed(floor)] : [await timed(floor), await timed(c.run)];
      const [caseMs, floorMs] = round % 2 ? [a, b] : [b, a];
      if (round >= 0) {
        into.samples.push(caseMs);
        into.floor.push(floorMs);
      }
    }
  }
  return out;
}

/** The machine's load average (1, 5, 15 minutes): printed beside every figure, since the machine is shared. */
export function loadLine(): string {
  return `load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ")} on ${os.cpus().length} cores`;
}
