import { randomInt, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { pollBallotChoices, pollBallots } from "@/lib/db/schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The ballot box of an anonymous poll. Who voted is public inside the space (poll_participations, the audit log);
 * what they chose must not be linkable to them by anyone holding the database or a backup. A ballot therefore has
 * no person, no time and no sequence: a random UUID, the poll, the SHA-256 of the voter's receipt, the options.
 *
 * Random ids alone are not enough. PostgreSQL keeps two more orders that would pair the k-th voter with the
 * k-th ballot: the physical order of rows (ctid; what `select *`, pg_dump and our backups read without
 * ORDER BY), and the inserting transaction's id (xmin), which a ballot written in the voter's transaction
 * shares with their participation row. So every write of the box REWRITES IT WHOLE: all ballots and choices
 * of the poll are deleted and inserted again in a fresh random order, inside the voter's transaction. After
 * each vote every live ballot carries the same xmin (that of the latest write, which tells only that the
 * latest voter changed *something*) and sits in a random physical place; nothing in the live rows or in a
 * backup orders the ballots against the participations.
 *
 * What stays: comparing two snapshots taken around a single vote shows what that vote added (true of any
 * published count); and the database files themselves (and WAL) hold the replaced row versions until vacuum
 * and page reuse overwrite them — protect the disk of DATA_DIR / the database server like the database.
 * Votes on one poll are serialised (the poll row is locked), which also keeps the receipt check race-free.
 * The box is small (one row per voter), so the rewrite costs little.
 */
export async function storeBallot(
  tx: Tx,
  pollId: number,
  ballot: { receiptHash: string; optionIds: number[] } | { ballotId: string; optionIds: number[] },
): Promise<void> {
  const ballots = await tx.select().from(pollBallots).where(eq(pollBallots.pollId, pollId));
  const choices = await tx.select().from(pollBallotChoices).where(eq(pollBallotChoices.pollId, pollId));
  let kept = choices;
  if ("receiptHash" in ballot) {
    const id = randomUUID();
    ballots.push({ id, pollId, receiptHash: ballot.receiptHash });
    kept = [...choices, ...ballot.optionIds.map((optionId) => ({ pollId, ballotId: id, optionId }))];
  } else {
    kept = [...choices.filter((c) => c.ballotId !== ballot.ballotId), ...ballot.optionIds.map((optionId) => ({ pollId, ballotId: ballot.ballotId, optionId }))];
  }
  // The choices go with their ballots (ON DELETE CASCADE).
  await tx.delete(pollBallots).where(eq(pollBallots.pollId, pollId));
  if (ballots.length) await tx.insert(pollBallots).values(shuffled(ballots));
  if (kept.length) await tx.insert(pollBallotChoices).values(shuffled(kept));
}

/** The ballot behind a receipt (locked by the poll lock the caller holds), or null. */
export async function ballotOfReceipt(tx: Tx, pollId: number, receiptHash: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: pollBallots.id })
    .from(pollBallots)
    .where(and(eq(pollBallots.pollId, pollId), eq(pollBallots.receiptHash, receiptHash)));
  return row?.id ?? null;
}

/** Fisher–Yates with a cryptographic source: the new physical order must not be predictable either. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
