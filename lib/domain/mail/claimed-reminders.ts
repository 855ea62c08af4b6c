import type { NotifyOutcome } from "./notify";

/**
 * The one loop of a reminder job (loans due soon, authorizations running out): each due row is claimed first (its
 * "reminded at" column set only while still empty, so a repeated or parallel run never mails twice), then mailed;
 * an outcome in `retryOn` (default: the mail failed) gives the claim back, so the next run tries again. A row whose
 * claim fails (another run took it, or it changed meanwhile) is skipped. Answers how many rows ended in each outcome.
 */
export async function remindClaimed<R>(
  rows: Iterable<R>,
  step: {
    claim(row: R): Promise<boolean>;
    send(row: R): Promise<NotifyOutcome>;
    release(row: R): Promise<unknown>;
    retryOn?: readonly NotifyOutcome[];
  },
): Promise<Record<NotifyOutcome, number>> {
  const retryOn = step.retryOn ?? ["failed"];
  const counts: Record<NotifyOutcome, number> = { sent: 0, off: 0, no_address: 0, failed: 0 };
  for (const row of rows) {
    if (!(await step.claim(row))) continue;
    const outcome = await step.send(row);
    if (retryOn.includes(outcome)) await step.release(row);
    counts[outcome]++;
  }
  return counts;
}
