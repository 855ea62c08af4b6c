import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { pollOptions, pollParticipations, polls, pollVotes } from "@/lib/db/schema";
import { recordAudit } from "../../audit/record-audit";
import { fail, type Result } from "../result";
import { newToken, tokenHash } from "../../shared/one-time-token";
import { describeIssues } from "../../shared/result";
import { ballotOfReceipt, storeBallot } from "./ballot-box";
import { isEligible, pollPhase } from "./eligibility";
import { voteInput, type VoteInput } from "./poll-input";

/**
 * Votes or changes a vote while the poll is open. "Once per person" is the primary key of poll_participations;
 * the participation row is inserted or locked first, so concurrent votes by one person run one after the other
 * and the last one wins (named) or the later one is refused (anonymous, it has no receipt yet).
 * Anonymous polls answer a receipt the first time: the only way to change that ballot later; their ballots are
 * kept unlinkable to the participations as ballot-box.ts explains.
 */
export async function castVote(db: Db, personId: number, raw: VoteInput, now = new Date()): Promise<Result<{ changed: boolean; receipt?: string }>> {
  const parsed = voteInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", describeIssues(parsed.error.issues));
  const { pollId, receipt } = parsed.data;
  const optionIds = [...new Set(parsed.data.optionIds)];
  const [poll] = await db.select().from(polls).where(eq(polls.id, pollId));
  if (!poll) return fail("not_found", "This poll does not exist.");
  if (pollPhase(poll, now) !== "open") return fail("not_open", "This poll is not open for voting.");
  if (!(await isEligible(db, poll, personId))) return fail("not_eligible", "You are not eligible to vote in this poll.");
  const options = await db.select({ id: pollOptions.id }).from(pollOptions).where(eq(pollOptions.pollId, pollId));
  if (optionIds.some((id) => !options.some((o) => o.id === id))) return fail("invalid", "optionIds: an option does not belong to this poll");
  if (optionIds.length > poll.maxChoices) return fail("too_many_choices", `Choose at most ${poll.maxChoices} option(s).`);

  return db.transaction(async (tx) => {
    if (!poll.anonymous) {
      // Inserts or locks the person's participation row: a concurrent vote of the same person waits here.
      const [p] = await tx
        .insert(pollParticipations)
        .values({ pollId, personId })
        .onConflictDoUpdate({ target: [pollParticipations.pollId, pollParticipations.personId], set: { pollId: sql`excluded.poll_id` } })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      const changed = !p!.inserted;
      await tx.delete(pollVotes).where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.personId, personId)));
      await tx.insert(pollVotes).values(optionIds.map((optionId) => ({ pollId, personId, optionId })));
      await recordAudit(tx, {
        actorId: personId,
        changeType: changed ? "poll.vote_change" : "poll.vote",
        entity: "polls",
        entityId: pollId,
        after: { optionIds },
      });
      return { ok: true as const, changed };
    }
    // One vote at a time per anonymous poll: the ballot box is rewritten whole (see ballot-box.ts).
    await tx.select({ id: polls.id }).from(polls).where(eq(polls.id, pollId)).for("update");
    const [inserted] = await tx.insert(pollParticipations).values({ pollId, personId }).onConflictDoNothing().returning({ pollId: pollParticipations.pollId });
    if (inserted) {
      const newReceipt = newToken();
      await storeBallot(tx, pollId, { receiptHash: tokenHash(newReceipt), optionIds });
      // The audit entry says THAT the person voted, never what or which ballot.
      await recordAudit(tx, { actorId: personId, changeType: "poll.participate", entity: "polls", entityId: pollId });
      return { ok: true as const, changed: false, receipt: newReceipt };
    }
    const ballotId = receipt ? await ballotOfReceipt(tx, pollId, tokenHash(receipt)) : null;
    if (!ballotId) {
      return fail("already_voted", "You have already voted. An anonymous vote can only be changed with the receipt kept in the browser you voted with.");
    }
    await storeBallot(tx, pollId, { ballotId, optionIds });
    await recordAudit(tx, { actorId: personId, changeType: "poll.participate_change", entity: "polls", entityId: pollId });
    return { ok: true as const, changed: true };
  });
}
