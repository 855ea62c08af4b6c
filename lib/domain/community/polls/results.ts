import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { pollBallotChoices, pollBallots, pollOptions, pollParticipations, pollVotes, profiles, type Poll } from "@/lib/db/schema";
import { namesShownTo } from "../../people/shown-names";
import type { Viewer } from "../../people/visibility";
import { pollPhase } from "./eligibility";

export interface PollResults {
  participants: number;
  options: { id: number; label: string; votes: number; voters?: string[] }[];
}

/** Results are shown after the person voted (after_vote) or once the poll closed; never to others earlier. */
export function mayViewResults(poll: Pick<Poll, "opensAt" | "closesAt" | "resultsVisible">, hasVoted: boolean, now = new Date()): boolean {
  if (pollPhase(poll, now) === "closed") return true;
  return poll.resultsVisible === "after_vote" && hasVoted && pollPhase(poll, now) === "open";
}

export async function hasVoted(db: Db, pollId: number, personId: number): Promise<boolean> {
  const [row] = await db
    .select()
    .from(pollParticipations)
    .where(and(eq(pollParticipations.pollId, pollId), eq(pollParticipations.personId, personId)));
  return !!row;
}

/**
 * Counts per option; named polls also list who chose what (they are named for exactly that reason), each voter by
 * name only where they let this viewer see it (shown-names.ts): the others are counted, not named.
 */
export async function pollResults(db: Db, poll: Pick<Poll, "id" | "anonymous">, viewer: Viewer): Promise<PollResults> {
  const options = await db.select().from(pollOptions).where(eq(pollOptions.pollId, poll.id)).orderBy(asc(pollOptions.position));
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(pollParticipations).where(eq(pollParticipations.pollId, poll.id));
  if (poll.anonymous) {
    const rows = await db
      .select({ optionId: pollBallotChoices.optionId, votes: count() })
      .from(pollBallotChoices)
      .innerJoin(pollBallots, eq(pollBallots.id, pollBallotChoices.ballotId))
      .where(eq(pollBallotChoices.pollId, poll.id))
      .groupBy(pollBallotChoices.optionId);
    return { participants: n, options: options.map((o) => ({ id: o.id, label: o.label, votes: rows.find((r) => r.optionId === o.id)?.votes ?? 0 })) };
  }
  const rows = await db
    .select({ optionId: pollVotes.optionId, personId: pollVotes.personId })
    .from(pollVotes)
    .leftJoin(profiles, eq(profiles.personId, pollVotes.personId))
    .where(eq(pollVotes.pollId, poll.id))
    .orderBy(asc(profiles.lastName), asc(profiles.firstName));
  const names = await namesShownTo(
    db,
    viewer,
    rows.map((r) => r.personId),
  );
  return {
    participants: n,
    options: options.map((o) => {
      const votes = rows.filter((r) => r.optionId === o.id);
      const voters = votes.flatMap((r) => names.get(r.personId) ?? []);
      return { id: o.id, label: o.label, votes: votes.length, voters };
    }),
  };
}

/** The choices behind an anonymous receipt, so the voter sees what they chose; null without a valid receipt. */
export async function ballotChoices(db: Db, pollId: number, receiptHash: string): Promise<number[] | null> {
  const rows = await db
    .select({ optionId: pollBallotChoices.optionId })
    .from(pollBallots)
    .innerJoin(pollBallotChoices, eq(pollBallotChoices.ballotId, pollBallots.id))
    .where(and(eq(pollBallots.pollId, pollId), eq(pollBallots.receiptHash, receiptHash)));
  return rows.length ? rows.map((r) => r.optionId) : null;
}

export async function namedChoices(db: Db, pollId: number, personId: number): Promise<number[]> {
  const rows = await db
    .select({ optionId: pollVotes.optionId })
    .from(pollVotes)
    .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.personId, personId)));
  return rows.map((r) => r.optionId);
}
