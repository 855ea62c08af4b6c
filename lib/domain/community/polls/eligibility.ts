import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people, type Poll } from "@/lib/db/schema";

export type PollPhase = "upcoming" | "open" | "closed";

export function pollPhase(poll: Pick<Poll, "opensAt" | "closesAt">, now = new Date()): PollPhase {
  if (now < poll.opensAt) return "upcoming";
  return now < poll.closesAt ? "open" : "closed";
}

/** The pure rule: the poll's status list, or by default the statuses that may vote ("members in good standing"). */
export function statusMayVote(poll: Pick<Poll, "eligibleStatusKeys">, status: { key: string; mayVote: boolean }): boolean {
  return poll.eligibleStatusKeys ? poll.eligibleStatusKeys.includes(status.key) : status.mayVote;
}

/** Checked at the time of voting: a member who left since the poll opened may no longer vote. */
export async function isEligible(db: Db, poll: Pick<Poll, "eligibleStatusKeys">, personId: number): Promise<boolean> {
  const [row] = await db
    .select({ key: membershipStatuses.key, mayVote: membershipStatuses.mayVote, erasedAt: people.erasedAt })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId));
  return !!row && row.erasedAt === null && statusMayVote(poll, row);
}

/** The statuses a poll creator can pick from; may_vote marks the default ("members in good standing"). */
export async function statusOptions(db: Db) {
  return db
    .select({ key: membershipStatuses.key, name: membershipStatuses.name, mayVote: membershipStatuses.mayVote })
    .from(membershipStatuses)
    .orderBy(membershipStatuses.sortOrder);
}
