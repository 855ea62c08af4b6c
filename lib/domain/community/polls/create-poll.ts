import { inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, pollOptions, polls } from "@/lib/db/schema";
import { recordAudit } from "../../audit/record-audit";
import { fail, type Result } from "../result";
import { actorMay } from "../../shared/actor-may";
import { describeIssues } from "../../shared/result";
import { pollInput, type PollInput } from "./poll-input";

/** Holders of polls.create (the board, staff) create a poll with its options in one transaction. */
export async function createPoll(db: Db, actorId: number, raw: PollInput): Promise<Result<{ id: number }>> {
  if (!(await actorMay(db, actorId, "polls.create"))) return fail("forbidden", "You may not create polls.");
  const parsed = pollInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", describeIssues(parsed.error.issues));
  const { options, ...poll } = parsed.data;
  if (poll.eligibleStatusKeys) {
    const known = await db.select({ key: membershipStatuses.key }).from(membershipStatuses).where(inArray(membershipStatuses.key, poll.eligibleStatusKeys));
    const unknown = poll.eligibleStatusKeys.filter((k) => !known.some((s) => s.key === k));
    if (unknown.length) return fail("invalid", `eligibleStatusKeys: unknown status ${unknown.join(", ")}`);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(polls)
      .values({ ...poll, createdById: actorId })
      .returning();
    await tx.insert(pollOptions).values(options.map((label, position) => ({ pollId: row!.id, label, position })));
    await recordAudit(tx, {
      actorId,
      changeType: "poll.create",
      entity: "polls",
      entityId: row!.id,
      after: { ...poll, opensAt: poll.opensAt.toISOString(), closesAt: poll.closesAt.toISOString(), options },
    });
    return { ok: true as const, id: row!.id };
  });
}
