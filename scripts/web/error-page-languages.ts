import type { SpaceLanguages } from "./error-shell-fallback";

/** How long a 500 page waits for the space's languages before it speaks the last known ones. */
export const LANGUAGES_WAIT_MS = 300;
/** After a failed load, how long the last known languages are used without asking the database again. */
export const FAILURE_MEMORY_MS = 5_000;

/**
 * The languages for the error page: what `load` gives, but never a long wait — the error page is shown exactly when
 * the database may be unreachable (each load queued behind a 5 s connect) or stalled (a lock, a hung server). Past
 * `waitMs` the last known languages answer (at first `first`, the environment's); the load goes on and its answer
 * is kept for the next page. One load at a time; a failure is remembered for `failureMemoryMs`, so a run of error
 * pages during an outage does not queue one query each.
 */
export function errorPageLanguages(
  load: () => Promise<SpaceLanguages>,
  first: SpaceLanguages,
  options: { waitMs?: number; failureMemoryMs?: number; now?: () => number } = {},
): () => Promise<SpaceLanguages> {
  const waitMs = options.waitMs ?? LANGUAGES_WAIT_MS;
  const failureMemoryMs = options.failureMemoryMs ?? FAILURE_MEMORY_MS;
  const now = options.now ?? Date.now;
  let known = first;
  let failedAt: number | null = null;
  let loading: Promise<SpaceLanguages> | null = null;
  return () => {
    if (failedAt !== null && now() - failedAt < failureMemoryMs) return Promise.resolve(known);
    loading ??= Promise.resolve()
      .then(load)
      .then(
        (space) => {
          known = space;
          failedAt = null;
          return space;
        },
        () => {
          // Keep the last known languages: the error page still speaks one the space offers.
          failedAt = now();
          return known;
        },
      )
      .finally(() => {
        loading = null;
      });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<SpaceLanguages>((resolve) => {
      timer = setTimeout(() => resolve(known), waitMs);
      timer.unref();
    });
    return Promise.race([loading, waited]).finally(() => clearTimeout(timer));
  };
}
