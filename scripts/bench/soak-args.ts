/** The soak's phases, in the order they run. */
export const SOAK_PHASES = ["health", "login", "mixed"] as const;
export type SoakPhase = (typeof SOAK_PHASES)[number];

/**
 * `npm run bench:soak -- [requests per phase] [phase…]`: the phases named (all when none are). A name that is no
 * phase is refused: a misspelled one (`mixd`) ran nothing and exited 0, read as a passed soak.
 */
export function soakArgs(args: string[]): { perPhase: number; phases: Set<SoakPhase> } {
  const perPhase = Number(args[0] ?? 20_000);
  if (!Number.isInteger(perPhase) || perPhase < 1) throw new Error(`Requests per phase must be a whole number above 0, not "${args[0]}".`);
  const named = args.slice(1);
  const unknown = named.filter((name) => !(SOAK_PHASES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`No soak phase named ${unknown.map((n) => `"${n}"`).join(", ")}: name ${SOAK_PHASES.join(", ")} (or none for all).`);
  return { perPhase, phases: new Set((named.length ? named : SOAK_PHASES) as SoakPhase[]) };
}
