/**
 * A loader whose answer is kept for `ms` and shared by the requests meanwhile (one load at a time, never one per
 * request); a failed load is not kept, so the next request tries again. Answers the value and when it was loaded,
 * so a page can say how old it is. Per process: each web instance keeps its own.
 */
export function keptFor<T>(ms: number, load: () => Promise<T>, clock: () => number = Date.now): () => Promise<{ value: T; at: Date }> {
  let kept: { at: number; answer: Promise<{ value: T; at: Date }> } | null = null;
  return () => {
    const now = clock();
    if (kept && now - kept.at < ms) return kept.answer;
    const answer = load().then((value) => ({ value, at: new Date(now) }));
    const mine = { at: now, answer };
    kept = mine;
    answer.catch(() => {
      if (kept === mine) kept = null;
    });
    return answer;
  };
}
